#pragma once

#include <QDialog>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QGroupBox;
class QLabel;
class QSpinBox;

namespace veo {

class AppSettings;

// Every user setting in one place. Changes apply on OK; Cancel leaves everything as it was.
class SettingsDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SettingsDialog)

public:
    SettingsDialog(AppSettings *settings, bool trayAvailable, QWidget *parent = nullptr);
    // Writes the choices to the settings (the caller then applies interval and language).
    void apply();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();

    AppSettings *m_settings;
    QGroupBox *m_pollingBox;
    QLabel *m_intervalLabel;
    QSpinBox *m_interval;
    QGroupBox *m_notifyBox;
    QCheckBox *m_notifySuccess;
    QCheckBox *m_notifyFailure;
    QCheckBox *m_sound;
    QLabel *m_lowCreditsLabel;
    QSpinBox *m_lowCredits;
    QGroupBox *m_windowBox;
    QLabel *m_languageLabel;
    QComboBox *m_language;
    QCheckBox *m_closeToTray;
    QDialogButtonBox *m_buttons;
};

} // namespace veo
