#include "languagemanager.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

namespace veo {

LanguageManager::LanguageManager(QObject *parent) : QObject(parent) {}

LanguageManager::~LanguageManager()
{
    removeTranslators();
}

QStringList LanguageManager::available()
{
    return {QStringLiteral("en"), QStringLiteral("zh_CN")};
}

QString LanguageManager::resolve(const QLocale &locale)
{
    return locale.language() == QLocale::Chinese ? QStringLiteral("zh_CN") : QStringLiteral("en");
}

QString LanguageManager::nativeName(const QString &language)
{
    return language == QLatin1String("zh_CN") ? QStringLiteral("简体中文")
                                              : QStringLiteral("English");
}

void LanguageManager::removeTranslators()
{
    for (QTranslator *t : std::as_const(m_translators)) {
        QCoreApplication::removeTranslator(t);
        delete t;
    }
    m_translators.clear();
}

QString LanguageManager::apply(const QString &language)
{
    const QString lang = available().contains(language) ? language : resolve(QLocale::system());
    if (lang == m_current) {
        return m_current;
    }
    removeTranslators();
    const QLocale locale(lang);
    QLocale::setDefault(locale); // numbers, dates and sizes follow the UI language
    const QString qtDir = QLibraryInfo::path(QLibraryInfo::TranslationsPath);
    const QList<QPair<QString, QString>> catalogues = {
        {QStringLiteral("veo-tracker"), QStringLiteral(":/i18n")},
        {QStringLiteral("qtbase"), qtDir},
        {QStringLiteral("qtmultimedia"), qtDir},
    };
    for (const auto &[name, dir] : catalogues) {
        auto *translator = new QTranslator;
        if (translator->load(locale, name, QStringLiteral("_"), dir)) {
            QCoreApplication::installTranslator(translator);
            m_translators << translator;
        } else {
            delete translator; // English needs no catalogue; a missing Qt one is not fatal
        }
    }
    m_current = lang;
    return lang;
}

} // namespace veo
