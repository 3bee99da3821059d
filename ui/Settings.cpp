#include "Settings.h"

namespace ipsec::ui {

Settings::Entry Settings::entry(Key key)
{
    switch (key) {
    case Key::MainWindowGeometry:
        return {"MainWindow/geometry", QByteArray()};
    case Key::MainWindowState:
        return {"MainWindow/state", QByteArray()};
    case Key::BrowserSplitterState:
        return {"MainWindow/browserSplitter", QByteArray()};
    case Key::CurrentTab:
        return {"MainWindow/currentTab", 0};
    case Key::WatchIntervalMs:
        // How often the store is checked for changes made by other programs.
        return {"Store/watchIntervalMs", 1000};
    case Key::KeepChangesSeconds:
        // Off by default: the console is usually run at the machine, not over SSH.
        return {"Kernel/keepChangesSeconds", 0};
    }
    Q_UNREACHABLE();
}

QVariant Settings::value(Key key) const
{
    const Entry e = entry(key);
    return m_settings.value(QString::fromLatin1(e.name), e.defaultValue);
}

void Settings::setValue(Key key, const QVariant &value)
{
    m_settings.setValue(QString::fromLatin1(entry(key).name), value);
}

void Settings::reset(Key key)
{
    m_settings.remove(QString::fromLatin1(entry(key).name));
}

} // namespace ipsec::ui
