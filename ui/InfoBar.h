#pragma once

#include <QFrame>

class QLabel;

namespace ipsec::ui {

// A closable message strip above the panes, for facts the user should notice once.
class InfoBar : public QFrame {
    Q_OBJECT
public:
    explicit InfoBar(QWidget *parent = nullptr);
    void setText(const QString &text);
    QString text() const;

private:
    QLabel *m_label = nullptr;
};

} // namespace ipsec::ui
