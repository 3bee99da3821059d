#include "FileDialog.h"

#include <QFileDialog>

namespace ipsec::ui {

QString FileDialog::s_nextFileName;
QString FileDialog::s_nextFilter;

QString FileDialog::saveFileName(QWidget *parent, const QString &caption, const QString &suggested,
                                 const QString &filter, QString *selectedFilter)
{
    if (!s_nextFileName.isEmpty()) {
        if (selectedFilter)
            *selectedFilter = s_nextFilter;
        s_nextFilter.clear();
        return std::exchange(s_nextFileName, QString());
    }
    return QFileDialog::getSaveFileName(parent, caption, suggested, filter, selectedFilter);
}

QString FileDialog::openFileName(QWidget *parent, const QString &caption, const QString &filter)
{
    if (!s_nextFileName.isEmpty())
        return std::exchange(s_nextFileName, QString());
    return QFileDialog::getOpenFileName(parent, caption, QString(), filter);
}

void FileDialog::setNextSelectedFilter(const QString &filter)
{
    s_nextFilter = filter;
}

void FileDialog::setNextFileName(const QString &fileName)
{
    s_nextFileName = fileName;
}

} // namespace ipsec::ui
