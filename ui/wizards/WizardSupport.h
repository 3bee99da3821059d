#pragma once

#include <QLabel>
#include <QRadioButton>

namespace ipsec::ui {

// The inline error line under a wizard field: red, word-wrapped, empty while the input is fine.
inline QLabel *makeErrorLabel(const QString &objectName, QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setWordWrap(true);
    label->setStyleSheet(QStringLiteral("color: #b00020;"));
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

inline QRadioButton *makeRadio(const QString &text, const QString &objectName, QWidget *parent)
{
    auto *radio = new QRadioButton(text, parent);
    radio->setObjectName(objectName);
    return radio;
}

} // namespace ipsec::ui
