#pragma once

#include <QWidget>
#include <optional>

class QCheckBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QToolButton;

namespace veo {

class CreditsMonitor;
class KeyRing;
struct ApiError;
enum class KeyHealth;

// The keys dialog's "add a key" page: a label, the secret (hold to reveal) and "this session
// only". The key is checked with the credits endpoint before it is saved: a refused key is never
// saved; when KIE cannot be reached the user may save it anyway, marked as not checked.
class AddKeyPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AddKeyPage)

public:
    // credits may be null (then every key counts as not checked). Neither is owned.
    AddKeyPage(KeyRing *keys, CreditsMonitor *credits, QWidget *parent = nullptr);
    ~AddKeyPage() override;

    // An empty form with the focus on the label, for a new key (call it once the page shows).
    void start();
    // Forgets the typed secret (the page is left).
    void clearSecret();

Q_SIGNALS:
    // A key was stored in the keyring under keyId.
    void keyAdded(const QString &keyId);
    // Cancel, or a key set for this session only: back to the list.
    void finished();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void setMessage(const QString &text, bool error);
    void setFormEnabled(bool enabled);
    void checkAndSave();
    void onChecked(const ApiError &error, qint64 credits);
    void saveKey(KeyHealth health, std::optional<qint64> credits);

    KeyRing *m_keys;
    CreditsMonitor *m_credits;
    QLabel *m_intro;
    QLabel *m_labelLabel;
    QLineEdit *m_labelEdit;
    QLabel *m_secretLabel;
    QLineEdit *m_secretEdit;
    QToolButton *m_reveal;
    QCheckBox *m_sessionOnly;
    QLabel *m_message;
    QPushButton *m_save;
    QPushButton *m_saveUnchecked;
    QPushButton *m_back;
};

} // namespace veo
