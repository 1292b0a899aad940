#pragma once

#include <QDialog>

class QCheckBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QToolButton;

namespace veo {

// Asks for the KIE API key. The secret never leaves this dialog except to the caller, which
// stores it in the OS keychain (or, when the user chooses, keeps it for this session only).
class ApiKeyDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ApiKeyDialog)

public:
    explicit ApiKeyDialog(QWidget *parent = nullptr);
    ~ApiKeyDialog() override;

    QString secret() const;
    bool sessionOnly() const;
    // Shown above the field, e.g. why the keychain cannot be used right now.
    void setNotice(const QString &text);
    void setKeychainAvailable(bool available);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void updateButtons();

    QLabel *m_intro;
    QLabel *m_notice;
    QLineEdit *m_edit;
    QToolButton *m_reveal;
    QCheckBox *m_sessionOnly;
    QDialogButtonBox *m_buttons;
};

} // namespace veo
