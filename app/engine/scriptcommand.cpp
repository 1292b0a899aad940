#include "scriptcommand.h"

#include "keyring.h"
#include "taskrecord.h"

#include <QJsonDocument>
#include <QObject>
#include <memory>

namespace veo {

void ScriptCommand::whenKeysReady(KeyRing *keys, QObject *context, std::function<void()> ready)
{
    const auto isReady = [keys] {
        return keys->state() != KeyRing::State::Loading && !keys->isLoading();
    };
    if (isReady()) {
        ready();
        return;
    }
    // Both signals can say it: the state (no stored key) or the profiles (secrets read).
    // once lives as long as the context, or until it has called ready.
    auto *once = new QObject(context);
    const auto called = std::make_shared<bool>(false); // the two connections share it
    const auto check = [isReady, once, ready, called] {
        if (!*called && isReady()) {
            *called = true;
            once->deleteLater();
            ready();
        }
    };
    QObject::connect(keys, &KeyRing::stateChanged, once, check);
    QObject::connect(keys, &KeyRing::profilesChanged, once, check);
}

ScriptCommand::KeyChoice ScriptCommand::chooseKey(const KeyRing &keys, const QString &label)
{
    if (label.trimmed().isEmpty()) {
        if (!keys.hasKey()) {
            return {{}, noKeyText()};
        }
        return {KeyRing::storedId(keys.defaultKeyId()), {}};
    }
    if (const std::optional<KeyProfile> p = keys.profileLabelled(label)) {
        if (!keys.hasSecret(p->id)) {
            //: --key LABEL: the key is listed but its secret could not be read
            return {{}, tr("The key \"%1\" could not be read from the keychain.").arg(p->label)};
        }
        return {KeyRing::storedId(p->id), {}};
    }
    //: --key LABEL names no stored key
    return {{},
            tr("No key is labelled \"%1\": `veo-tracker --list-keys` shows the labels.")
                .arg(label.trimmed())};
}

QString ScriptCommand::noKeyText()
{
    return tr("No API key: set KIE_API_KEY, or save a key in Veo Tracker first.");
}

bool ScriptCommand::answerWasLost(const TaskRecord *placeholder)
{
    // Anything but a refusal may have made a task (an answer that could not be saved too).
    return !placeholder || placeholder->submission != TaskSubmission::Refused;
}

QByteArray ScriptCommand::jsonLine(QJsonObject object)
{
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (it.value().isString() && it.value().toString().isEmpty()) {
            it.value() = QJsonValue();
        }
    }
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

} // namespace veo
