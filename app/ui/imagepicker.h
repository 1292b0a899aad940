#pragma once

#include <QUrl>
#include <QWidget>
#include <functional>

class QLabel;
class QVBoxLayout;

namespace veo {

class ImageUpload;

// "Add from Disk…" for a generation's images: each picked file is uploaded at once to KIE's
// file-upload service (ImageUpload, through the engine, which holds the key), with a row
// showing its progress and a Cancel button; a failed row says why and offers Retry. A finished
// upload hands its address over (uploaded()) and its row goes. Closing the dialog cancels what
// is still running.
class ImagePicker final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ImagePicker)

public:
    // Starts nothing yet: returns an upload of path, charged to nobody (uploads are free) but
    // sent with the chosen key, parented to parent.
    using Starter = std::function<ImageUpload *(const QString &path, QObject *parent)>;
    explicit ImagePicker(Starter starter, QWidget *parent = nullptr);

    // Uploads these files (the button's file dialog ends here).
    void addFiles(const QStringList &paths);
    // Some upload is still running.
    bool isBusy() const { return m_running > 0; }

Q_SIGNALS:
    void uploaded(const QUrl &url);
    void busyChanged(bool busy);

private:
    void pick();
    void startRow(const QString &path);
    void setRunning(int running);

    Starter m_starter;
    QVBoxLayout *m_rows;
    int m_running = 0;
};

} // namespace veo
