#include "util/Translations.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QTranslator>

using namespace Qt::StringLiterals;

namespace ipsec {

void installTranslations(const QLocale &locale)
{
    auto *app = QCoreApplication::instance();
    const auto install = [app](QTranslator *t, bool loaded) {
        if (loaded)
            QCoreApplication::installTranslator(t);
        else
            delete t;
    };
    auto *english = new QTranslator(app);
    install(english, english->load(u":/i18n/ipsec-console_en.qm"_s));
    auto *qt = new QTranslator(app);
    install(qt, qt->load(locale, u"qtbase"_s, u"_"_s,
                         QLibraryInfo::path(QLibraryInfo::TranslationsPath)));
    if (locale.language() != QLocale::English && locale.language() != QLocale::C) {
        auto *own = new QTranslator(app);
        install(own, own->load(locale, u"ipsec-console"_s, u"_"_s, u":/i18n"_s));
    }
}

} // namespace ipsec
