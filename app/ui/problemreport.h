#pragma once

#include <QDateTime>
#include <QList>
#include <QObject>

class QAction;

namespace veo {

class Engine;

// Help → Report a Problem: what a bug report needs as plain text on the clipboard: versions,
// platform, media backend, keyring state and the last errors the window showed. Never a
// secret: keys are described by count and state, and the key ring takes any secret a message
// might quote out of the whole text.
class ProblemReport final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProblemReport)

public:
    // engine is not owned and outlives this. parent owns the action.
    ProblemReport(const Engine *engine, QObject *parent);

    QAction *action() const { return m_action; }
    // An error the user was shown (the last few go into the report).
    void recordError(const QString &text);
    QString text() const;
    void retranslate();

Q_SIGNALS:
    // The report is on the clipboard; text says so (translated).
    void copied(const QString &text);

private:
    struct Error
    {
        QDateTime at;
        QString text;
    };
    const Engine *m_engine;
    QAction *m_action;
    QList<Error> m_errors; // the most recent last
};

} // namespace veo
