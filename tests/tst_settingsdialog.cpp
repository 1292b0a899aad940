// The Preferences dialog: the Downloads tab validates as the user types (live file name
// preview, folder checks, the command run after each download), OK is refused for unusable
// values, and apply() saves everything.
#include "appsettings.h"
#include "filenametemplate.h"
#include "settingsdialog.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>

using namespace veo;

class tst_SettingsDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void previewFollowsTheTemplate();
    void folderIsChecked();
    void applySavesDownloadSettings();
    void pollingIsAMaximumOrFixed();
    void theCommandAfterADownloadIsCheckedAndSaved();

private:
    QPushButton *okButton(SettingsDialog &dialog) const
    {
        return dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
    }
    QTemporaryDir m_dir;
};

void tst_SettingsDialog::previewFollowsTheTemplate()
{
    AppSettings settings(m_dir.filePath(QStringLiteral("a.ini")));
    SettingsDialog dialog(&settings, false);
    auto *pattern = dialog.findChild<QLineEdit *>(QStringLiteral("FileNameTemplate"));
    QVERIFY(pattern);
    QCOMPARE(pattern->text(), FileNameTemplate::defaultTemplate());
    QVERIFY(dialog.fileNamePreview().startsWith(QStringLiteral("Example: ")));
    QVERIFY(dialog.fileNamePreview().endsWith(QStringLiteral(".mp4")));

    pattern->setText(QStringLiteral("{taskId}-{kind}"));
    const QString expected = FileNameTemplate::preview(QStringLiteral("{taskId}-{kind}")).fileName;
    QCOMPARE(dialog.fileNamePreview(), QStringLiteral("Example: %1").arg(expected));
    QVERIFY(okButton(dialog)->isEnabled());

    pattern->setText(QStringLiteral("{nosuchfield}"));
    QCOMPARE(dialog.fileNamePreview(), FileNameTemplate::validate(QStringLiteral("{nosuchfield}")));
    QVERIFY(!okButton(dialog)->isEnabled()); // an unusable template is not saved
    pattern->setText(QStringLiteral("{prompt:20}"));
    QVERIFY(okButton(dialog)->isEnabled());
}

void tst_SettingsDialog::folderIsChecked()
{
    AppSettings settings(m_dir.filePath(QStringLiteral("b.ini")));
    SettingsDialog dialog(&settings, false);
    auto *folder = dialog.findChild<QLineEdit *>(QStringLiteral("DownloadFolder"));
    QVERIFY(folder);
    QCOMPARE(QDir::fromNativeSeparators(folder->text()), AppSettings::defaultDownloadFolder());

    folder->setText(QStringLiteral("videos/veo"));
    QVERIFY(dialog.folderNote().contains(QStringLiteral("full path")));
    QVERIFY(!okButton(dialog)->isEnabled());

    QFile file(m_dir.filePath(QStringLiteral("not-a-folder")));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.close();
    folder->setText(file.fileName());
    QVERIFY(dialog.folderNote().contains(QStringLiteral("not a folder")));
    QVERIFY(!okButton(dialog)->isEnabled());

    folder->setText(m_dir.filePath(QStringLiteral("new/videos")));
    QVERIFY(dialog.folderNote().contains(QStringLiteral("created at the first download")));
    QVERIFY(okButton(dialog)->isEnabled());

    folder->setText(m_dir.path());
    QCOMPARE(dialog.folderNote(), QString()); // an existing, writable folder: nothing to say
    QVERIFY(okButton(dialog)->isEnabled());
}

void tst_SettingsDialog::pollingIsAMaximumOrFixed()
{
    const QString path = m_dir.filePath(QStringLiteral("p.ini"));
    AppSettings settings(path);
    settings.setPollSeconds(45); // saved before the interval became a maximum: kept as one
    {
        SettingsDialog dialog(&settings, false);
        auto *interval = dialog.findChild<QSpinBox *>(QStringLiteral("PollInterval"));
        auto *fixed = dialog.findChild<QCheckBox *>(QStringLiteral("FixedPollInterval"));
        QVERIFY(interval && fixed);
        QCOMPARE(interval->value(), 45);
        QVERIFY(!fixed->isChecked()); // adaptive unless chosen
        fixed->setChecked(true);
        interval->setValue(20);
        dialog.apply();
    }
    AppSettings reread(path);
    QCOMPARE(reread.pollSeconds(), 20);
    QVERIFY(reread.flag(AppSettings::Flag::FixedPollInterval));
}

void tst_SettingsDialog::applySavesDownloadSettings()
{
    const QString path = m_dir.filePath(QStringLiteral("c.ini"));
    AppSettings settings(path);
    {
        SettingsDialog dialog(&settings, false);
        dialog.findChild<QLineEdit *>(QStringLiteral("DownloadFolder"))
            ->setText(m_dir.filePath(QStringLiteral("out")));
        dialog.findChild<QLineEdit *>(QStringLiteral("FileNameTemplate"))
            ->setText(QStringLiteral("{taskId}"));
        for (QCheckBox *box : dialog.findChildren<QCheckBox *>()) {
            if (box->text().contains(QStringLiteral("automatically")) ||
                box->text().contains(QStringLiteral("json")) ||
                box->objectName() == QStringLiteral("KeepBeforeExpiry")) {
                box->setChecked(true);
            }
        }
        for (QSpinBox *spin : dialog.findChildren<QSpinBox *>()) {
            if (spin->maximum() == AppSettings::MaxConcurrentDownloads) {
                spin->setValue(5);
            }
            if (spin->objectName() == QStringLiteral("KeepHours")) {
                QVERIFY(spin->isEnabled()); // follows its check box
                QCOMPARE(spin->value(), AppSettings::DefaultKeepHours);
                spin->setValue(72);
            }
        }
        dialog.apply();
    }
    AppSettings reread(path);
    QCOMPARE(reread.downloadFolder(), m_dir.filePath(QStringLiteral("out")));
    QCOMPARE(reread.fileNameTemplate(), QStringLiteral("{taskId}"));
    QVERIFY(reread.flag(AppSettings::Flag::AutoDownload));
    QVERIFY(reread.flag(AppSettings::Flag::DownloadSidecar));
    QCOMPARE(reread.concurrentDownloads(), 5);
    QVERIFY(reread.flag(AppSettings::Flag::KeepBeforeExpiry));
    QCOMPARE(reread.keepBeforeExpiryHours(), 72);
}

void tst_SettingsDialog::theCommandAfterADownloadIsCheckedAndSaved()
{
    const QString path = m_dir.filePath(QStringLiteral("cmd.ini"));
    {
        QSettings broken(path, QSettings::IniFormat); // hand-edited: never run as it is
        broken.setValue(QStringLiteral("downloads/afterCommand"), QStringLiteral("run \"{file}"));
    }
    AppSettings settings(path);
    QCOMPARE(settings.afterDownloadCommand(), QString());
    const QString valid = QStringLiteral("notify-send \"Video ready\" {prompt} {file}");
    {
        SettingsDialog dialog(&settings, false);
        auto *on = dialog.findChild<QCheckBox *>(QStringLiteral("RunAfterDownload"));
        auto *line = dialog.findChild<QLineEdit *>(QStringLiteral("AfterDownloadCommand"));
        QVERIFY(on && line);
        QVERIFY(!on->isChecked()); // off by default
        QCOMPARE(line->text(), QString());
        QVERIFY(dialog.commandNote().contains(QStringLiteral("{file}")));
        QVERIFY(okButton(dialog)->isEnabled());

        on->setChecked(true);
        QVERIFY(dialog.commandNote().startsWith(QStringLiteral("Enter the program")));
        QVERIFY(!okButton(dialog)->isEnabled());
        line->setText(QStringLiteral("notify-send \"Video ready {file}"));
        QVERIFY(dialog.commandNote().contains(QStringLiteral("is not closed")));
        QVERIFY(!okButton(dialog)->isEnabled());
        line->setText(QStringLiteral("notify-send {title} {file}"));
        QVERIFY(dialog.commandNote().startsWith(QStringLiteral("Unknown placeholder {title}")));
        QVERIFY(!okButton(dialog)->isEnabled());
        on->setChecked(false); // off, but what is typed must still be usable to be saved
        QVERIFY(!okButton(dialog)->isEnabled());
        on->setChecked(true);
        line->setText(valid);
        QVERIFY(!dialog.commandNote().contains(QStringLiteral("Unknown")));
        QVERIFY(okButton(dialog)->isEnabled());
        dialog.apply();
    }
    AppSettings reread(path);
    QVERIFY(reread.flag(AppSettings::Flag::RunAfterDownload));
    QCOMPARE(reread.afterDownloadCommand(), valid);
    SettingsDialog again(&reread, false);
    QCOMPARE(again.findChild<QLineEdit *>(QStringLiteral("AfterDownloadCommand"))->text(), valid);
    QVERIFY(again.findChild<QCheckBox *>(QStringLiteral("RunAfterDownload"))->isChecked());
}

QTEST_MAIN(tst_SettingsDialog)
#include "tst_settingsdialog.moc"
