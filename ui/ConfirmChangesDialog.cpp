#include "ConfirmChangesDialog.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QPushButton>
#include <QTimer>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace ipsec::ui {

ConfirmChangesDialog::ConfirmChangesDialog(QWidget *parent)
    : QDialog(parent)
    , m_text(new QLabel(this))
    , m_countdown(new QLabel(this))
    , m_timer(new QTimer(this))
{
    setObjectName(u"confirmChangesDialog"_s);
    setWindowTitle(tr("Keep These Changes?"));
    m_text->setObjectName(u"confirmChangesText"_s);
    m_text->setWordWrap(true);
    m_countdown->setObjectName(u"confirmChangesCountdown"_s);
    auto *buttons = new QDialogButtonBox(this);
    m_keep = buttons->addButton(tr("&Keep Changes"), QDialogButtonBox::AcceptRole);
    m_keep->setObjectName(u"keepChangesButton"_s);
    m_keep->setDefault(true);
    auto *later = buttons->addButton(tr("&Hide"), QDialogButtonBox::RejectRole);
    later->setObjectName(u"hideConfirmChangesButton"_s);
    later->setToolTip(tr("The changes are still rolled back at the deadline unless kept."));
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_text);
    layout->addWidget(m_countdown);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &ConfirmChangesDialog::keepRequested);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::hide);
    connect(m_timer, &QTimer::timeout, this, &ConfirmChangesDialog::updateCountdown);
}

void ConfirmChangesDialog::showPending(const QDateTime &deadline, const QString &description)
{
    m_deadline = deadline;
    m_text->setText(tr("Keep these changes? Unless you keep them, the previous policy comes "
                       "back at the end of the countdown, so a change that locked you out "
                       "undoes itself.\n\n%1")
                        .arg(description));
    updateCountdown();
    m_timer->start(250);
    show();
    raise();
}

qint64 ConfirmChangesDialog::secondsLeft() const
{
    return std::max<qint64>(0, (QDateTime::currentDateTimeUtc().msecsTo(m_deadline) + 999) / 1000);
}

void ConfirmChangesDialog::updateCountdown()
{
    const qint64 left = secondsLeft();
    m_countdown->setText(left > 0 ? tr("Rolled back in %n second(s).", nullptr, int(left))
                                  : tr("Rolling back…"));
    if (left == 0)
        m_timer->stop();
}

} // namespace ipsec::ui
