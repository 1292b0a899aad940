#pragma once

#include <QObject>
#include <QString>
#include <QStringList>

class QTranslator;

namespace veo {

// Installs the translators for one UI language at a time: the app's own catalogue plus Qt's
// (qtbase, qtmultimedia) so standard dialogs match. Switching at run time removes the old
// ones first; Qt then sends QEvent::LanguageChange to every widget.
class LanguageManager final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LanguageManager)

public:
    explicit LanguageManager(QObject *parent = nullptr);
    ~LanguageManager() override;

    // Languages the app ships, as locale names ("en", "zh_CN").
    static QStringList available();
    // The shipped language closest to a locale (Chinese variants -> zh_CN, else en).
    static QString resolve(const QLocale &locale);
    // The language's own name, for menus ("English", "简体中文").
    static QString nativeName(const QString &language);

    // "" follows the system locale. Returns the language now in use.
    QString apply(const QString &language);
    QString current() const { return m_current; }

private:
    void removeTranslators();
    QList<QTranslator *> m_translators;
    QString m_current;
};

} // namespace veo
