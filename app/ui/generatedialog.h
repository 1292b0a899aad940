#pragma once

#include "generatebatch.h"

#include <QDialog>
#include <functional>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QSpinBox;

namespace veo {

class ImagePicker;
class ImageUpload;

// A new Veo 3.1 generation (POST /veo/generate): the prompt with its length, model, aspect
// ratio, resolution, seeds (or random), watermark, prompt translation, generation type with
// its image URLs (typed, or images from disk uploaded at once: ImagePicker), and the key that
// pays with its credits. What KIE would refuse is said below
// the fields and keeps Generate disabled. Filled from the last values or from a task (Edit and
// Run). With "Each line is its own generation" every line of the prompt box is a generation
// with the same settings (a batch). The requests are sent once, by Generations, when the
// dialog is accepted.
class GenerateDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(GenerateDialog)

public:
    struct Key
    {
        QString id;
        QString text; // "Work (1,280 credits left, checked 14:02)"
    };
    // An upload of an image from disk, sent with this key (Engine::uploadImage).
    using Uploader =
        std::function<ImageUpload *(const QString &keyId, const QString &path, QObject *parent)>;
    // keys: the first is preselected unless keyId names another.
    GenerateDialog(const GenerateOptions &options, const QList<Key> &keys, const QString &keyId,
                   const Uploader &uploader, QWidget *parent = nullptr);
    GenerateOptions options() const;
    // What Generate sends: the prompt as one generation, or one per line in batch mode.
    GenerateBatch generations() const;
    QString keyId() const;

private:
    void update();

    QPlainTextEdit *m_prompt;
    QCheckBox *m_batch;
    QLabel *m_count;
    QComboBox *m_model;
    QComboBox *m_ratio;
    QComboBox *m_resolution;
    QSpinBox *m_seeds;
    QLineEdit *m_watermark;
    QCheckBox *m_translate;
    QComboBox *m_type;
    QPlainTextEdit *m_images;
    ImagePicker *m_picker;
    QComboBox *m_key;
    QLabel *m_problem;
    QDialogButtonBox *m_buttons;
};

} // namespace veo
