#pragma once

#include <QCoreApplication>
#include <QJsonObject>
#include <QString>
#include <functional>

class QObject;

namespace veo {

class KeyRing;
struct TaskRecord;

// What the commands a script runs on the user's task list (--get-1080p, --get-4k, --extend,
// --generate, --batch) share: exit codes, states, the key they charge, their JSON lines.
class ScriptCommand
{
    Q_DECLARE_TR_FUNCTIONS(ScriptCommand)

public:
    // 0 accepted, 2 refused or not possible, 3 sent but its answer was lost (it may have been
    // accepted: check kie.ai's logs; never sent again).
    enum ExitCode { Accepted = 0, Refused = 2, AnswerLost = 3 };
    // The "state" of a JSON line that is not a task status.
    static inline const QString RefusedState = QStringLiteral("refused");
    static inline const QString AnswerLostState = QStringLiteral("answerLost");

    // Calls ready once (context alive) when the keys and their secrets are read: at once if
    // they are.
    static void whenKeysReady(KeyRing *keys, QObject *context, std::function<void()> ready);
    struct KeyChoice
    {
        QString keyId; // as a task keeps it ("" = the default key, whatever it is later)
        QString error; // translated; empty when a key was found
    };
    // The key labelled label (case ignored), or the default key when label is empty.
    static KeyChoice chooseKey(const KeyRing &keys, const QString &label);
    static QString noKeyText();
    // The state and exit code of a create request whose answer settled it without a task ID:
    // refused (nothing was made) or lost (it may have been). placeholder may be null.
    static bool answerWasLost(const TaskRecord *placeholder);
    // One compact line; an empty string value becomes null.
    static QByteArray jsonLine(QJsonObject object);
};

} // namespace veo
