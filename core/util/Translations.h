#pragma once

#include <QLocale>

namespace ipsec {

// Installs the program's translations from :/i18n: English plural forms first, then the
// language of `locale` (searched first). The translators live as long as the application.
void installTranslations(const QLocale &locale = QLocale());

} // namespace ipsec
