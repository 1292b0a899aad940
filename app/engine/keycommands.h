#pragma once

#include <QObject>
#include <QString>

class QIODevice;

namespace veo {

class KeyRing;
class RequestScheduler;
struct ApiError;

// The command-line key actions (no window): `--add-key LABEL` stores a key whose secret comes
// from standard input (never from an argument: other users can read the process list), after
// checking it with KIE's credits endpoint; `--list-keys` prints labels, hints, the default
// mark and the last known credits, never a secret. Emits finished(exitCode) once, later.
class KeyCommands final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(KeyCommands)

public:
    enum ExitCode {
        Success = 0,
        KeyRefused = 1,   // KIE answered 401: nothing was saved
        UsageError = 2,   // empty, too long or binary secret, empty or duplicate label, bad base
        KeyringError = 3, // the keychain could not store the key
    };

    // out and err receive UTF-8 text; the KeyRing should have a KeyProfileStore.
    KeyCommands(KeyRing *keys, RequestScheduler *requests, QIODevice *out, QIODevice *err,
                QObject *parent = nullptr);
    ~KeyCommands() override;

    // KIE's keys are 32 characters; a longer "key" is a file piped in by mistake.
    static constexpr qsizetype MaxSecretLength = 256;
    void addKey(const QString &label, const QString &secret);
    void listKeys();

    // The first line of in, trimmed. With a terminal on standard input, readStandardInput()
    // prompts on standard error and turns echo off while the secret is typed.
    static QString readSecret(QIODevice &in);
    static QString readStandardInput();

Q_SIGNALS:
    void finished(int exitCode);

private:
    void store(const QString &label, const QString &secret, const ApiError &check, qint64 credits);
    void print(QIODevice *device, const QString &line);
    void finishLater(int exitCode);

    KeyRing *m_keys;
    RequestScheduler *m_requests;
    QIODevice *m_out;
    QIODevice *m_err;
};

} // namespace veo
