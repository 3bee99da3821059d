#pragma once

#include <QStringList>
#include <QTextStream>

// A plain text table: a header row, aligned columns, two spaces between them.
class TextTable {
public:
    explicit TextTable(QStringList header)
        : m_header(std::move(header))
    {
    }
    void addRow(QStringList row) { m_rows << std::move(row); }
    bool isEmpty() const { return m_rows.isEmpty(); }
    void print(QTextStream &out) const;

private:
    QStringList m_header;
    QList<QStringList> m_rows;
};
