#include "keycommands.h"

#include "apierror.h"
#include "keyring.h"
#include "kieclient.h"
#include "requestscheduler.h"

#include <QFile>
#include <QIODevice>
#include <QLocale>
#include <algorithm>
#include <cstdio>
#include <termios.h>
#include <unistd.h>

namespace veo {

KeyCommands::KeyCommands(KeyRing *keys, RequestScheduler *requests, QIODevice *out, QIODevice *err,
                         QObject *parent)
    : QObject(parent), m_keys(keys), m_requests(requests), m_out(out), m_err(err)
{
}

KeyCommands::~KeyCommands() = default;

QString KeyCommands::readSecret(QIODevice &in)
{
    // Every byte counts: a NUL must not end the line early (and leave a shorter "key").
    const QByteArray line = in.readLine(64 * 1024);
    return QString::fromUtf8(line.constData(), line.size()).trimmed();
}

QString KeyCommands::readStandardInput()
{
    QFile in;
    // By descriptor, not FILE*: QFile reads a FILE* line with fgets(), which ends it at a NUL.
    if (!in.open(STDIN_FILENO, QIODevice::ReadOnly, QFileDevice::DontCloseHandle)) {
        return {};
    }
    if (!::isatty(STDIN_FILENO)) {
        return readSecret(in);
    }
    //: Prompt on the terminal for `veo-tracker --add-key LABEL`; the typed key is not shown
    const QByteArray prompt = tr("API key (input hidden): ").toLocal8Bit();
    std::fputs(prompt.constData(), stderr);
    std::fflush(stderr);
    termios saved{};
    const bool restore = ::tcgetattr(STDIN_FILENO, &saved) == 0;
    if (restore) {
        termios silent = saved;
        silent.c_lflag &= ~tcflag_t(ECHO);
        ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &silent);
    }
    const QString secret = readSecret(in);
    if (restore) {
        ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved);
    }
    std::fputs("\n", stderr);
    return secret;
}

void KeyCommands::addKey(const QString &label, const QString &secret)
{
    m_keys->loadProfiles();
    const QString name = label.trimmed();
    if (name.isEmpty()) {
        //: --add-key was given an empty label
        print(m_err, tr("The key needs a label, e.g. --add-key \"Client A\"."));
        finishLater(UsageError);
        return;
    }
    if (m_keys->labelInUse(name)) {
        //: --add-key: %1 is the label the user gave
        print(m_err, tr("A key labelled \"%1\" already exists. Choose another label.").arg(name));
        finishLater(UsageError);
        return;
    }
    const QString key = secret.trimmed();
    if (key.isEmpty()) {
        //: --add-key: nothing arrived on standard input
        print(m_err, tr("No API key on standard input. Pipe it in, for example: "
                        "veo-tracker --add-key \"Client A\" < key.txt"));
        finishLater(UsageError);
        return;
    }
    // A file or binary bytes piped in by mistake: refused before anything is sent or stored
    // (sent, 64 KiB of it went out as an Authorization header and, unanswered, was saved).
    if (key.size() > MaxSecretLength) {
        //: --add-key: standard input held far more than an API key; %1 = the most it accepts
        print(m_err, tr("What came on standard input is too long for an API key (more than %1 "
                        "characters). Pipe in the key alone. Nothing was saved.")
                         .arg(MaxSecretLength));
        finishLater(UsageError);
        return;
    }
    if (!std::all_of(key.cbegin(), key.cend(),
                     [](QChar c) { return c.unicode() > 0x20 && c.unicode() < 0x7f; })) {
        //: --add-key: the input has control characters, spaces or bytes that are not ASCII
        print(m_err, tr("Standard input holds characters that cannot be part of an API key "
                        "(control characters, spaces, bytes that are not ASCII). Pipe in the "
                        "key alone. Nothing was saved."));
        finishLater(UsageError);
        return;
    }
    // A secret not stored yet: checked with its own token, through the request machine.
    m_requests->submitWithToken(key, KieClient::creditsRequest(),
                                RequestScheduler::Pace::OnDemand, this,
                                [this, name, key](const HttpAnswer &answer) {
                                    const auto [error, credits] = KieClient::parseCredits(answer);
                                    store(name, key, error, credits);
                                });
}

void KeyCommands::store(const QString &label, const QString &secret, const ApiError &check,
                        qint64 credits)
{
    KeyHealth health = keyHealthFor(check, credits);
    std::optional<qint64> known;
    switch (health) {
    case KeyHealth::InvalidKey:
        //: --add-key: KIE.AI answered 401 for the key read from standard input
        print(m_err, tr("KIE.AI refused this API key (%1). Check that it was copied completely. "
                        "Nothing was saved.")
                         .arg(check.text()));
        Q_EMIT finished(KeyRefused);
        return;
    case KeyHealth::Ok:
    case KeyHealth::NoCredits:
        if (!check.isError()) {
            known = credits;
        }
        break;
    case KeyHealth::RateLimited:
        break; // KIE took the key but asked to slow down: worth keeping
    default:
        if (check.kind == ApiError::Kind::InsecureBase) {
            print(m_err, check.text());
            Q_EMIT finished(UsageError);
            return;
        }
        //: --add-key: the key could not be checked; %1 says why
        print(m_err, tr("Could not check the key with KIE.AI (%1). It is saved unchecked.")
                         .arg(check.text()));
        health = KeyHealth::Unchecked;
    }
    m_keys->addKey(label, secret, health, known, this,
                   [this, label](const TokenResult &result, const QString &keyId) {
                       if (!result.ok()) {
                           //: --add-key: the system keyring could not store the key; %1 says why
                           print(m_err,
                                 tr("The key could not be stored: %1").arg(result.userMessage()));
                           Q_EMIT finished(KeyringError);
                           return;
                       }
                       const auto p = m_keys->profile(keyId);
                       //: --add-key success; %1 = label, %2 = last characters of the key
                       print(m_out, tr("Saved key \"%1\" (%2) in the system keyring.")
                                        .arg(label, p ? p->displayHint() : QString()));
                       Q_EMIT finished(Success);
                   });
}

void KeyCommands::listKeys()
{
    m_keys->loadProfiles();
    const QList<KeyProfile> profiles = m_keys->profiles();
    if (profiles.isEmpty()) {
        //: --list-keys when no key is stored
        print(m_err, tr("No API keys are stored. Add one with: veo-tracker --add-key LABEL"));
        finishLater(Success);
        return;
    }
    const QString defaultId = m_keys->defaultKeyId();
    for (const KeyProfile &p : profiles) {
        QString credits = QStringLiteral("-");
        if (p.credits) {
            //: --list-keys column: remaining credits; %1 = number, %2 = when checked (UTC)
            credits =
                tr("%1 credits (%2)")
                    .arg(QLocale().toString(*p.credits), p.creditsCheckedAt.toString(Qt::ISODate));
        }
        QString health = keyHealthText(p.health);
        if (p.sessionOnly) {
            //: --list-keys: %1 = the key's health; marks the key from KIE_API_KEY
            health = tr("%1 (this session only)").arg(health);
        }
        // Tab-separated, for scripts: default mark, label, hint, credits, health.
        print(m_out, QStringList{p.id == defaultId ? QStringLiteral("*") : QStringLiteral(" "),
                                 p.label, p.displayHint(), credits, health}
                         .join(QLatin1Char('\t')));
    }
    finishLater(Success);
}

void KeyCommands::print(QIODevice *device, const QString &line)
{
    if (device) {
        device->write(line.toUtf8() + '\n');
    }
}

void KeyCommands::finishLater(int exitCode)
{
    QMetaObject::invokeMethod(
        this, [this, exitCode] { Q_EMIT finished(exitCode); }, Qt::QueuedConnection);
}

} // namespace veo
