#pragma once

#include <QString>

class QWidget;

namespace ipsec::ui {

// File choices go through here so that tests can answer them without a nested event loop
// (setNextFileName), like MessageBox.
class FileDialog {
public:
    // selectedFilter (optional) receives the file type the user picked.
    static QString saveFileName(QWidget *parent, const QString &caption, const QString &suggested,
                                const QString &filter, QString *selectedFilter = nullptr);
    static QString openFileName(QWidget *parent, const QString &caption, const QString &filter);
    // The answer the next question (save or open) gets without being shown (empty: ask).
    static void setNextFileName(const QString &fileName);
    // The file type the next save question reports as chosen (with setNextFileName).
    static void setNextSelectedFilter(const QString &filter);

private:
    static QString s_nextFileName;
    static QString s_nextFilter;
};

} // namespace ipsec::ui
