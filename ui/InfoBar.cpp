#include "InfoBar.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QStyle>
#include <QToolButton>

using namespace Qt::StringLiterals;

namespace ipsec::ui {

InfoBar::InfoBar(QWidget *parent)
    : QFrame(parent)
    , m_label(new QLabel(this))
{
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    setBackgroundRole(QPalette::ToolTipBase);
    auto *icon = new QLabel(this);
    icon->setPixmap(style()->standardIcon(QStyle::SP_MessageBoxInformation).pixmap(16, 16));
    m_label->setObjectName(u"infoBarText"_s);
    m_label->setWordWrap(true);
    auto *close = new QToolButton(this);
    close->setObjectName(u"infoBarCloseButton"_s);
    close->setAutoRaise(true);
    close->setIcon(style()->standardIcon(QStyle::SP_TitleBarCloseButton));
    close->setToolTip(tr("Close"));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(6, 3, 3, 3);
    layout->addWidget(icon);
    layout->addWidget(m_label, 1);
    layout->addWidget(close);
    connect(close, &QToolButton::clicked, this, &InfoBar::hide);
}

void InfoBar::setText(const QString &text)
{
    m_label->setText(text);
}
QString InfoBar::text() const
{
    return m_label->text();
}

} // namespace ipsec::ui
