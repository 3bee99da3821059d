#pragma once

#include <QSettings>
#include <QVariant>

namespace ipsec::ui {

// The console's persistent preferences: every key and its default in one place.
class Settings {
public:
    enum class Key {
        MainWindowGeometry,
        MainWindowState,
        BrowserSplitterState,
        CurrentTab,
        WatchIntervalMs,
        KeepChangesSeconds, // ask to keep kernel changes: 0 off, else the seconds to answer
    };

    Settings() = default;

    QVariant value(Key key) const;
    void setValue(Key key, const QVariant &value);
    void reset(Key key);

    QByteArray bytes(Key key) const { return value(key).toByteArray(); }
    int integer(Key key) const { return value(key).toInt(); }

private:
    struct Entry {
        const char *name;
        QVariant defaultValue;
    };
    static Entry entry(Key key);

    QSettings m_settings;
};

} // namespace ipsec::ui
