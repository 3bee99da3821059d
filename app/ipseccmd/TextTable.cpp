#include "TextTable.h"

using namespace Qt::StringLiterals;

void TextTable::print(QTextStream &out) const
{
    QList<qsizetype> widths(m_header.size(), 0);
    const auto measure = [&](const QStringList &row) {
        for (qsizetype i = 0; i < row.size() && i < widths.size(); ++i)
            widths[i] = std::max(widths[i], row.at(i).size());
    };
    measure(m_header);
    for (const QStringList &r : m_rows)
        measure(r);
    const auto line = [&](const QStringList &row) {
        QString text;
        for (qsizetype i = 0; i < widths.size(); ++i) {
            const QString cell = i < row.size() ? row.at(i) : QString();
            text += i + 1 < widths.size() ? cell.leftJustified(widths[i] + 2) : cell;
        }
        out << text.trimmed() << '\n';
    };
    line(m_header);
    QStringList rule;
    for (qsizetype w : widths)
        rule << QString(w, u'-');
    line(rule);
    for (const QStringList &r : m_rows)
        line(r);
}
