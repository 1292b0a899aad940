#pragma once

#include <QDialog>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QGroupBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QTabWidget;

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

    // The live preview under the name template, and the note under the folder.
    QString fileNamePreview() const;
    QString folderNote() const;
    // The help or the problem under the command run after each download.
    QString commandNote() const;

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void updatePreview();
    void updateFolderNote();
    QString commandProblem() const; // translated; empty when the command can be saved
    void updateCommandNote();
    void updateOkButton();
    void chooseFolder();

    AppSettings *m_settings;
    QGroupBox *m_pollingBox;
    QLabel *m_intervalLabel;
    QSpinBox *m_interval;
    QCheckBox *m_fixedInterval;
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
    QTabWidget *m_tabs;
    QGroupBox *m_downloadsBox;
    QLabel *m_folderLabel;
    QLineEdit *m_folder;
    QPushButton *m_browse;
    QLabel *m_folderNote;
    QLabel *m_templateLabel;
    QLineEdit *m_template;
    QPushButton *m_resetTemplate;
    QLabel *m_preview;
    QCheckBox *m_sidecar;
    QCheckBox *m_autoDownload;
    QCheckBox *m_keep;
    QLabel *m_keepHoursLabel;
    QSpinBox *m_keepHours;
    QLabel *m_concurrentLabel;
    QSpinBox *m_concurrent;
    QCheckBox *m_runAfter;
    QLineEdit *m_command;
    QLabel *m_commandNote;
    QDialogButtonBox *m_buttons;
    bool m_folderOk = true;
};

} // namespace veo
