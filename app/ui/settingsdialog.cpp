#include "settingsdialog.h"

#include "appsettings.h"
#include "commandtemplate.h"
#include "filenametemplate.h"
#include "languagemanager.h"
#include "postdownloadcommand.h"
#include "taskstatus.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTabWidget>
#include <QVBoxLayout>

namespace veo {

namespace {
QString problemStyle()
{
    return QStringLiteral("color: %1;").arg(QLatin1String(FailureColorName));
}
} // namespace

SettingsDialog::SettingsDialog(AppSettings *settings, bool trayAvailable, QWidget *parent)
    : QDialog(parent), m_settings(settings), m_pollingBox(new QGroupBox(this)),
      m_intervalLabel(new QLabel(this)), m_interval(new QSpinBox(this)),
      m_fixedInterval(new QCheckBox(this)), m_notifyBox(new QGroupBox(this)),
      m_notifySuccess(new QCheckBox(this)), m_notifyFailure(new QCheckBox(this)),
      m_sound(new QCheckBox(this)), m_lowCreditsLabel(new QLabel(this)),
      m_lowCredits(new QSpinBox(this)), m_windowBox(new QGroupBox(this)),
      m_languageLabel(new QLabel(this)), m_language(new QComboBox(this)),
      m_closeToTray(new QCheckBox(this)), m_tabs(new QTabWidget(this)),
      m_downloadsBox(new QGroupBox(this)), m_folderLabel(new QLabel(this)),
      m_folder(new QLineEdit(this)), m_browse(new QPushButton(this)),
      m_folderNote(new QLabel(this)), m_templateLabel(new QLabel(this)),
      m_template(new QLineEdit(this)), m_resetTemplate(new QPushButton(this)),
      m_preview(new QLabel(this)), m_sidecar(new QCheckBox(this)),
      m_autoDownload(new QCheckBox(this)), m_keep(new QCheckBox(this)),
      m_keepHoursLabel(new QLabel(this)), m_keepHours(new QSpinBox(this)),
      m_concurrentLabel(new QLabel(this)), m_concurrent(new QSpinBox(this)),
      m_runAfter(new QCheckBox(this)), m_command(new QLineEdit(this)),
      m_commandNote(new QLabel(this)),
      m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setObjectName(QStringLiteral("SettingsDialog"));
    m_interval->setRange(AppSettings::MinPollSeconds, AppSettings::MaxPollSeconds);
    m_interval->setValue(settings->pollSeconds());
    m_interval->setObjectName(QStringLiteral("PollInterval"));
    m_intervalLabel->setBuddy(m_interval);
    auto *polling = new QFormLayout(m_pollingBox);
    polling->addRow(m_intervalLabel, m_interval);
    m_fixedInterval->setObjectName(QStringLiteral("FixedPollInterval"));
    m_fixedInterval->setChecked(settings->flag(AppSettings::Flag::FixedPollInterval));
    polling->addRow(m_fixedInterval);

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

    m_folder->setObjectName(QStringLiteral("DownloadFolder"));
    m_folder->setText(QDir::toNativeSeparators(settings->downloadFolder()));
    m_folder->setClearButtonEnabled(true);
    m_folderLabel->setBuddy(m_folder);
    m_folderNote->setWordWrap(true);
    m_folderNote->setObjectName(QStringLiteral("FolderNote"));
    connect(m_folder, &QLineEdit::textChanged, this, &SettingsDialog::updateFolderNote);
    connect(m_browse, &QPushButton::clicked, this, &SettingsDialog::chooseFolder);
    auto *folderRow = new QHBoxLayout;
    folderRow->addWidget(m_folder, 1);
    folderRow->addWidget(m_browse);
    m_template->setObjectName(QStringLiteral("FileNameTemplate"));
    m_template->setText(settings->fileNameTemplate());
    m_templateLabel->setBuddy(m_template);
    m_preview->setObjectName(QStringLiteral("FileNamePreview"));
    m_preview->setWordWrap(true);
    m_preview->setTextInteractionFlags(Qt::TextSelectableByMouse);
    connect(m_template, &QLineEdit::textChanged, this, &SettingsDialog::updatePreview);
    connect(m_resetTemplate, &QPushButton::clicked, this,
            [this] { m_template->setText(FileNameTemplate::defaultTemplate()); });
    auto *templateRow = new QHBoxLayout;
    templateRow->addWidget(m_template, 1);
    templateRow->addWidget(m_resetTemplate);
    m_sidecar->setChecked(settings->flag(AppSettings::Flag::DownloadSidecar));
    m_autoDownload->setChecked(settings->flag(AppSettings::Flag::AutoDownload));
    m_keep->setObjectName(QStringLiteral("KeepBeforeExpiry"));
    m_keep->setChecked(settings->flag(AppSettings::Flag::KeepBeforeExpiry));
    m_keepHours->setObjectName(QStringLiteral("KeepHours"));
    m_keepHours->setRange(1, AppSettings::MaxKeepHours);
    m_keepHours->setValue(settings->keepBeforeExpiryHours());
    m_keepHoursLabel->setBuddy(m_keepHours);
    m_keepHours->setEnabled(m_keep->isChecked());
    connect(m_keep, &QCheckBox::toggled, m_keepHours, &QWidget::setEnabled);
    m_concurrent->setRange(1, AppSettings::MaxConcurrentDownloads);
    m_concurrent->setValue(settings->concurrentDownloads());

    m_concurrentLabel->setBuddy(m_concurrent);
    m_runAfter->setObjectName(QStringLiteral("RunAfterDownload"));
    m_runAfter->setChecked(settings->flag(AppSettings::Flag::RunAfterDownload));
    m_command->setObjectName(QStringLiteral("AfterDownloadCommand"));
    m_command->setText(settings->afterDownloadCommand());
    m_command->setClearButtonEnabled(true);
    m_commandNote->setObjectName(QStringLiteral("AfterDownloadNote"));
    m_commandNote->setWordWrap(true);
    connect(m_runAfter, &QCheckBox::toggled, this, &SettingsDialog::updateCommandNote);
    connect(m_command, &QLineEdit::textChanged, this, &SettingsDialog::updateCommandNote);
    auto *downloads = new QFormLayout(m_downloadsBox);
    downloads->addRow(m_folderLabel, folderRow);
    downloads->addRow(QString(), m_folderNote);
    downloads->addRow(m_templateLabel, templateRow);
    downloads->addRow(QString(), m_preview);
    downloads->addRow(m_sidecar);
    downloads->addRow(m_autoDownload);
    downloads->addRow(m_keep);
    downloads->addRow(m_keepHoursLabel, m_keepHours);
    downloads->addRow(m_concurrentLabel, m_concurrent);
    downloads->addRow(m_runAfter, m_command);
    downloads->addRow(QString(), m_commandNote);

    auto *general = new QWidget;
    auto *generalLayout = new QVBoxLayout(general);
    generalLayout->addWidget(m_pollingBox);
    generalLayout->addWidget(m_notifyBox);
    generalLayout->addWidget(m_windowBox);
    generalLayout->addStretch(1);
    auto *downloadsPage = new QWidget;
    auto *downloadsLayout = new QVBoxLayout(downloadsPage);
    downloadsLayout->addWidget(m_downloadsBox);
    downloadsLayout->addStretch(1);
    m_tabs->addTab(general, QString());
    m_tabs->addTab(downloadsPage, QString());

    // Numbers keep their natural width instead of stretching across the dialog.
    for (QSpinBox *spin : {m_interval, m_lowCredits, m_concurrent, m_keepHours}) {
        spin->setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);
    }

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_tabs, 1);
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    retranslateUi();
    resize(620, sizeHint().height()); // with the texts in: wrapped notes get their lines
}

void SettingsDialog::apply()
{
    m_settings->setPollSeconds(m_interval->value());
    m_settings->setFlag(AppSettings::Flag::FixedPollInterval, m_fixedInterval->isChecked());
    m_settings->setFlag(AppSettings::Flag::NotifyOnSuccess, m_notifySuccess->isChecked());
    m_settings->setFlag(AppSettings::Flag::NotifyOnFailure, m_notifyFailure->isChecked());
    m_settings->setFlag(AppSettings::Flag::NotificationSound, m_sound->isChecked());
    m_settings->setFlag(AppSettings::Flag::CloseToTray, m_closeToTray->isChecked());
    m_settings->setLowCreditThreshold(m_lowCredits->value());
    m_settings->setLanguage(m_language->currentData().toString());
    m_settings->setDownloadFolder(QDir::fromNativeSeparators(m_folder->text().trimmed()));
    m_settings->setFileNameTemplate(m_template->text());
    m_settings->setFlag(AppSettings::Flag::DownloadSidecar, m_sidecar->isChecked());
    m_settings->setFlag(AppSettings::Flag::AutoDownload, m_autoDownload->isChecked());
    m_settings->setFlag(AppSettings::Flag::KeepBeforeExpiry, m_keep->isChecked());
    m_settings->setKeepBeforeExpiryHours(m_keepHours->value());
    m_settings->setConcurrentDownloads(m_concurrent->value());
    m_settings->setFlag(AppSettings::Flag::RunAfterDownload, m_runAfter->isChecked());
    m_settings->setAfterDownloadCommand(m_command->text());
    m_settings->sync();
}

QString SettingsDialog::fileNamePreview() const
{
    return m_preview->text();
}

QString SettingsDialog::folderNote() const
{
    return m_folderNote->text();
}

QString SettingsDialog::commandNote() const
{
    return m_commandNote->text();
}

void SettingsDialog::updatePreview()
{
    const FileNameTemplate::Preview preview = FileNameTemplate::preview(m_template->text());
    const bool ok = preview.error.isEmpty();
    //: Settings: the file name the template gives for a sample task
    m_preview->setText(ok ? tr("Example: %1").arg(preview.fileName) : preview.error);
    m_preview->setStyleSheet(ok ? QString() : problemStyle());
    updateFolderNote();
}

void SettingsDialog::updateFolderNote()
{
    const QString folder = QDir::fromNativeSeparators(m_folder->text().trimmed());
    QString problem;
    QString note;
    if (folder.isEmpty()) {
        note = tr("When empty, videos are saved to %1.")
                   .arg(QDir::toNativeSeparators(AppSettings::defaultDownloadFolder()));
    } else if (QDir::isRelativePath(folder)) {
        problem = tr("Enter a full path, starting with / (or choose a folder with Browse…).");
    } else if (const QFileInfo info(folder); info.exists() && !info.isDir()) {
        problem = tr("This is a file, not a folder.");
    } else if (info.exists() && !info.isWritable()) {
        problem = tr("You cannot write to this folder. Choose another one.");
    } else if (!info.exists()) {
        note = tr("The folder does not exist yet; it is created at the first download.");
    }
    m_folderNote->setText(problem.isEmpty() ? note : problem);
    m_folderNote->setStyleSheet(problem.isEmpty() ? QString() : problemStyle());
    m_folderNote->setVisible(!m_folderNote->text().isEmpty());
    m_folderOk = problem.isEmpty();
    updateOkButton();
}

QString SettingsDialog::commandProblem() const
{
    const QString line = m_command->text().trimmed();
    // An empty command is fine while it is off (nothing runs); anything typed must be usable.
    return line.isEmpty() && !m_runAfter->isChecked() ? QString() : CommandTemplate::validate(line);
}

void SettingsDialog::updateCommandNote()
{
    const QString problem = commandProblem();
    const auto minutes =
        std::chrono::duration_cast<std::chrono::minutes>(PostDownloadCommand::Limits{}.timeout);
    m_commandNote->setText(
        problem.isEmpty()
            ? tr("%1: the video's path, the task's ID, its prompt, a JSON file describing the "
                 "task; each is one argument. No shell is involved; the program is stopped after "
                 "%n minute(s).",
                 nullptr, int(minutes.count()))
                  .arg(CommandTemplate::placeholders().join(QLatin1String(", ")))
            : problem);
    m_commandNote->setStyleSheet(problem.isEmpty() ? QString() : problemStyle());
    updateOkButton();
}

void SettingsDialog::updateOkButton()
{
    const bool templateOk = FileNameTemplate::validate(m_template->text()).isEmpty();
    m_buttons->button(QDialogButtonBox::Ok)
        ->setEnabled(m_folderOk && templateOk && commandProblem().isEmpty());
}

void SettingsDialog::chooseFolder()
{
    const QString current = QDir::fromNativeSeparators(m_folder->text().trimmed());
    const QString chosen = QFileDialog::getExistingDirectory(
        this, tr("Download Folder"), QFileInfo::exists(current) ? current : QDir::homePath());
    if (!chosen.isEmpty()) {
        m_folder->setText(QDir::toNativeSeparators(chosen));
    }
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
    setWindowTitle(tr("Preferences"));
    m_pollingBox->setTitle(tr("Polling"));
    //: Settings: the longest wait between two checks of an unfinished task
    m_intervalLabel->setText(tr("Poll at most &every:"));
    //: Suffix of the polling interval, in seconds
    m_interval->setSuffix(tr(" s"));
    m_interval->setToolTip(
        tr("Between %1 and %2 seconds. Renders take 2-5 minutes: each task is checked by its age, "
           "every few seconds while renders usually finish, rarely before any can be ready, and "
           "once one could be ready never more than this apart.")
            .arg(AppSettings::MinPollSeconds)
            .arg(AppSettings::MaxPollSeconds));
    m_fixedInterval->setText(tr("Fi&xed interval: check every task this often"));
    m_fixedInterval->setToolTip(
        tr("Check every unfinished task at exactly this interval, whatever its age."));
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
    //: Settings tab
    m_tabs->setTabText(0, tr("General"));
    //: Settings tab
    m_tabs->setTabText(1, tr("Downloads"));
    m_downloadsBox->setTitle(tr("Saving videos"));
    m_folderLabel->setText(tr("Save &to:"));
    m_browse->setText(tr("&Browse…"));
    m_templateLabel->setText(tr("File &names:"));
    m_template->setToolTip(
        tr("Fields: {created:yyyyMMdd-HHmm}, {completed:…}, {prompt:40} (the first 40 "
           "characters), {taskId}, {model}, {resolution}, {kind} (result, origin, full), "
           "{index}, {ext}. Unsafe characters are replaced, and existing files are never "
           "overwritten."));
    //: Settings: put the default file name template back
    m_resetTemplate->setText(tr("&Reset to Default"));
    m_sidecar->setText(tr("Save the task's details next to each video as a .&json file"));
    m_autoDownload->setText(tr("Download new videos &automatically when they are ready"));
    m_keep->setText(tr("&Keep before expiry: download videos not yet on disk before KIE "
                       "deletes them (14 days after they are made)"));
    //: Settings: how long before KIE deletes a video Keep before expiry downloads it
    m_keepHoursLabel->setText(tr("Download them this long &before:"));
    //: Suffix of the Keep before expiry margin, in hours
    m_keepHours->setSuffix(tr(" h"));
    m_concurrentLabel->setText(tr("Simultaneous &downloads:"));
    //: Settings: a program run after each download, with its arguments
    m_runAfter->setText(tr("After a download, &run:"));
    //: Settings: an example of the command run after each download; keep {file}
    m_command->setPlaceholderText(tr("notify-send \"Video downloaded\" {file}"));
    updatePreview();
    updateCommandNote();
}

} // namespace veo
