#include "imagepicker.h"

#include "imageupload.h"

#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QStandardPaths>
#include <QVBoxLayout>

namespace veo {

ImagePicker::ImagePicker(Starter starter, QWidget *parent)
    : QWidget(parent), m_starter(std::move(starter)), m_rows(new QVBoxLayout)
{
    auto *add = new QPushButton(tr("Add from &Disk…"), this);
    add->setObjectName(QStringLiteral("AddImageFromDisk"));
    add->setToolTip(tr("Uploads JPEG, PNG or WebP images to KIE's file storage (free; KIE deletes "
                       "them after 3 days) and adds their addresses above."));
    connect(add, &QPushButton::clicked, this, &ImagePicker::pick);
    auto *top = new QHBoxLayout;
    top->setContentsMargins(0, 0, 0, 0);
    top->addWidget(add);
    top->addStretch();
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(top);
    m_rows->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(m_rows);
}

void ImagePicker::pick()
{
    // The folder of the last pick in this run, else Pictures when there is one.
    static QString folder;
    if (folder.isEmpty()) {
        const QString pictures = QStandardPaths::writableLocation(QStandardPaths::PicturesLocation);
        folder = QDir(pictures).exists() ? pictures : QDir::homePath();
    }
    const QStringList paths = QFileDialog::getOpenFileNames(
        this, tr("Images for the Generation"), folder,
        tr("Images (*.png *.jpg *.jpeg *.webp);;All files (*)"));
    if (!paths.isEmpty()) {
        folder = QFileInfo(paths.constFirst()).absolutePath();
    }
    addFiles(paths);
}

void ImagePicker::addFiles(const QStringList &paths)
{
    for (const QString &path : paths) {
        startRow(path);
    }
}

// One row: the file's name, then a progress bar and Cancel while it runs, or the reason and
// Retry / Remove when it failed.
void ImagePicker::startRow(const QString &path)
{
    auto *row = new QWidget(this);
    row->setObjectName(QStringLiteral("ImageUploadRow"));
    m_rows->addWidget(row);
    auto *layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *name = new QLabel(QFileInfo(path).fileName(), row);
    name->setToolTip(path);
    auto *bar = new QProgressBar(row);
    bar->setObjectName(QStringLiteral("ImageUploadProgress"));
    bar->setRange(0, 0); // busy until the first progress
    auto *cancel = new QPushButton(tr("Cancel"), row);
    layout->addWidget(name);
    layout->addWidget(bar, 1);
    layout->addWidget(cancel);

    ImageUpload *upload = m_starter(path, row);
    setRunning(m_running + 1);
    connect(upload, &ImageUpload::progress, bar, [bar](qint64 sent, qint64 total) {
        bar->setRange(0, 1000);
        bar->setValue(int(sent * 1000 / total));
        bar->setFormat(QStringLiteral("%1 / %2").arg(QLocale().formattedDataSize(sent),
                                                     QLocale().formattedDataSize(total)));
    });
    connect(cancel, &QPushButton::clicked, row, [this, row, upload] {
        upload->abort();
        setRunning(m_running - 1);
        row->deleteLater();
    });
    connect(upload, &ImageUpload::finished, row,
            [this, row, path, upload, layout, bar, cancel](const QString &problem, const QUrl &url) {
                setRunning(m_running - 1);
                if (problem.isEmpty()) {
                    Q_EMIT uploaded(url);
                    row->deleteLater();
                    return;
                }
                upload->deleteLater();
                bar->hide();
                cancel->hide();
                auto *why = new QLabel(problem, row);
                why->setObjectName(QStringLiteral("ImageUploadProblem"));
                why->setWordWrap(true);
                why->setToolTip(problem);
                auto *retry = new QPushButton(tr("Retry"), row);
                auto *remove = new QPushButton(tr("Remove"), row);
                layout->insertWidget(1, why, 1);
                layout->addWidget(retry);
                layout->addWidget(remove);
                connect(retry, &QPushButton::clicked, row, [this, row, path] {
                    row->deleteLater();
                    startRow(path);
                });
                connect(remove, &QPushButton::clicked, row, &QObject::deleteLater);
            });
    upload->start();
}

void ImagePicker::setRunning(int running)
{
    const bool was = isBusy();
    m_running = running;
    if (was != isBusy()) {
        Q_EMIT busyChanged(isBusy());
    }
}

} // namespace veo
