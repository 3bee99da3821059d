#include "StateBanner.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>

using namespace Qt::StringLiterals;

namespace ipsec::ui {

StateBanner::StateBanner(QWidget *parent)
    : QFrame(parent)
    , m_label(new QLabel(this))
    , m_button(new QPushButton(this))
{
    setObjectName(u"stateBanner"_s);
    setFrameShape(QFrame::StyledPanel);
    m_label->setObjectName(u"stateBannerText"_s);
    m_label->setWordWrap(true);
    m_label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_button->setObjectName(u"stateBannerButton"_s);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(8, 4, 4, 4);
    layout->addWidget(m_label, 1);
    layout->addWidget(m_button);
    connect(m_button, &QPushButton::clicked, this, [this] { Q_EMIT actionRequested(m_state); });
    hide();
}

void StateBanner::showState(State state, const QString &text, const QString &buttonText)
{
    m_state = state;
    if (state == State::None) {
        hide();
        return;
    }
    // Red for an unprotected host, amber for a kernel that differs from the policy.
    setStyleSheet(state == State::Emergency ? u"ipsec--ui--StateBanner { background: #b00020; } "
                                              "QLabel { color: white; font-weight: bold; }"_s
                                            : u"ipsec--ui--StateBanner { background: #ffd54f; } "
                                              "QLabel { color: black; font-weight: bold; }"_s);
    m_label->setText(text);
    m_button->setText(buttonText);
    show();
}

QString StateBanner::text() const
{
    return isVisible() || m_state != State::None ? m_label->text() : QString();
}

} // namespace ipsec::ui
