#pragma once

// Shared by the tests of ui/wizards, ui/tester and ui/monitor: a store-only service on a
// temporary store, and helpers that drive widgets by objectName with real clicks and keys.

#include "service/PolicyService.h"

#include <QAbstractButton>
#include <QCheckBox>
#include <QRadioButton>
#include <QTemporaryDir>
#include <QTest>
#include <QWizard>

#include <memory>

namespace uiw {

using namespace Qt::StringLiterals;

inline std::unique_ptr<ipsec::PolicyService> openService(const QString &path, bool readOnly = false)
{
    ipsec::PolicyService::Options o;
    o.storePath = path;
    o.enforcement = ipsec::PolicyService::Enforcement::Off;
    o.readOnly = readOnly;
    auto service = ipsec::PolicyService::open(o);
    if (!service) {
        qWarning("%s", qPrintable(service.error().message));
        return {};
    }
    return std::move(service.value());
}

template <typename T>
T *child(const QObject &parent, const QString &name)
{
    T *w = parent.findChild<T *>(name);
    if (!w)
        qWarning("no child %s", qPrintable(name));
    return w;
}

// Radio buttons and check boxes react only on their indicator and text, which sit on the left
// of a possibly much wider widget.
inline void click(QWidget *w)
{
    if (!w)
        return;
    const bool toggle = qobject_cast<QRadioButton *>(w) || qobject_cast<QCheckBox *>(w);
    QTest::mouseClick(w, Qt::LeftButton, {},
                      toggle ? QPoint(6, w->height() / 2) : w->rect().center());
}

inline void next(QWizard &wizard)
{
    click(wizard.button(QWizard::NextButton));
}
inline void finish(QWizard &wizard)
{
    click(wizard.button(QWizard::FinishButton));
}

// Replaces the text of a line edit the way a user does: select all, type.
inline void retype(QWidget *edit, const QString &text)
{
    if (!edit)
        return;
    edit->setFocus();
    QTest::keyClick(edit, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClick(edit, Qt::Key_Delete);
    QTest::keyClicks(edit, text);
}

} // namespace uiw
