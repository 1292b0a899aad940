#include "settingsdialog.h"

#include "appsettings.h"
#include "languagemanager.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QEvent>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QSpinBox>
#include <QVBoxLayout>

namespace veo {

SettingsDialog::SettingsDialog(AppSettings *settings, bool trayAvailable, QWidget *parent)
    : QDialog(parent), m_settings(settings), m_pollingBox(new QGroupBox(this)),
      m_intervalLabel(new QLabel(this)), m_interval(new QSpinBox(this)),
      m_notifyBox(new QGroupBox(this)), m_notifySuccess(new QCheckBox(this)),
      m_notifyFailure(new QCheckBox(this)), m_sound(new QCheckBox(this)),
      m_lowCreditsLabel(new QLabel(this)), m_lowCredits(new QSpinBox(this)),
      m_windowBox(new QGroupBox(this)), m_languageLabel(new QLabel(this)),
      m_language(new QComboBox(this)), m_closeToTray(new QCheckBox(this)),
      m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setObjectName(QStringLiteral("SettingsDialog"));
    m_interval->setRange(AppSettings::MinPollSeconds, AppSettings::MaxPollSeconds);
    m_interval->setValue(settings->pollSeconds());
    m_interval->setObjectName(QStringLiteral("PollInterval"));
    m_intervalLabel->setBuddy(m_interval);
    auto *polling = new QFormLayout(m_pollingBox);
    polling->addRow(m_intervalLabel, m_interval);

    m_notifySuccess->setChecked(settings->flag(AppSettings::Flag::NotifyOnSuccess));
    m_notifyFailure->setChecked(settings->flag(AppSettings::Flag::NotifyOnFailure));
    m_sound->setChecked(settings->flag(AppSettings::Flag::NotificationSound));
    m_lowCredits->setRange(0, 1000000);
    m_lowCredits->setSingleStep(50);
    m_lowCredits->setValue(int(std::min<qint64>(settings->lowCreditThreshold(), 1000000)));
    m_lowCreditsLabel->setBuddy(m_lowCredits);
    auto *notify = new QFormLayout(m_notifyBox);
    notify->addRow(m_notifySuccess);
    notify->addRow(m_notifyFailure);
    notify->addRow(m_sound);
    notify->addRow(m_lowCreditsLabel, m_lowCredits);

    m_language->addItem(QString(), QString()); // system default, text set in retranslateUi()
    for (const QString &lang : LanguageManager::available()) {
        m_language->addItem(LanguageManager::nativeName(lang), lang);
    }
    m_language->setCurrentIndex(std::max(0, m_language->findData(settings->language())));
    m_languageLabel->setBuddy(m_language);
    m_closeToTray->setChecked(settings->flag(AppSettings::Flag::CloseToTray));
    m_closeToTray->setEnabled(trayAvailable);
    auto *window = new QFormLayout(m_windowBox);
    window->addRow(m_languageLabel, m_language);
    window->addRow(m_closeToTray);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_pollingBox);
    layout->addWidget(m_notifyBox);
    layout->addWidget(m_windowBox);
    layout->addStretch(1);
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    retranslateUi();
}

void SettingsDialog::apply()
{
    m_settings->setPollSeconds(m_interval->value());
    m_settings->setFlag(AppSettings::Flag::NotifyOnSuccess, m_notifySuccess->isChecked());
    m_settings->setFlag(AppSettings::Flag::NotifyOnFailure, m_notifyFailure->isChecked());
    m_settings->setFlag(AppSettings::Flag::NotificationSound, m_sound->isChecked());
    m_settings->setFlag(AppSettings::Flag::CloseToTray, m_closeToTray->isChecked());
    m_settings->setLowCreditThreshold(m_lowCredits->value());
    m_settings->setLanguage(m_language->currentData().toString());
    m_settings->sync();
}

void SettingsDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslateUi();
    }
    QDialog::changeEvent(event);
}

void SettingsDialog::retranslateUi()
{
    setWindowTitle(tr("Settings"));
    m_pollingBox->setTitle(tr("Polling"));
    m_intervalLabel->setText(tr("Check unfinished tasks &every:"));
    //: Suffix of the polling interval, in seconds
    m_interval->setSuffix(tr(" s"));
    m_interval->setToolTip(tr("Between %1 and %2 seconds. KIE's renders take minutes; 30 s is a "
                              "good balance.")
                               .arg(AppSettings::MinPollSeconds)
                               .arg(AppSettings::MaxPollSeconds));
    m_notifyBox->setTitle(tr("Notifications"));
    m_notifySuccess->setText(tr("Notify when a video is &ready"));
    m_notifyFailure->setText(tr("Notify when a render &fails"));
    m_sound->setText(tr("Play a &sound with notifications"));
    //: Settings: warn when an API key's credits (积分) fall below this number
    m_lowCreditsLabel->setText(tr("Warn when a key's &credits fall below:"));
    m_lowCredits->setSpecialValueText(tr("Never"));
    m_windowBox->setTitle(tr("Window"));
    m_languageLabel->setText(tr("&Language:"));
    m_language->setItemText(0, tr("System default"));
    m_closeToTray->setText(m_closeToTray->isEnabled()
                               ? tr("&Close to the tray and keep watching")
                               : tr("&Close to the tray (this desktop has no tray)"));
}

} // namespace veo
