#include "generatedialog.h"

#include "imagepicker.h"
#include "taskstatus.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace veo {

namespace {
void select(QComboBox *box, const QString &value)
{
    box->setCurrentIndex(std::max(0, box->findData(value)));
}
} // namespace

GenerateDialog::GenerateDialog(const GenerateOptions &o, const QList<Key> &keys,
                               const QString &keyId, const Uploader &uploader, QWidget *parent)
    : QDialog(parent), m_prompt(new QPlainTextEdit(this)), m_batch(new QCheckBox(this)),
      m_count(new QLabel(this)),
      m_model(new QComboBox(this)), m_ratio(new QComboBox(this)), m_resolution(new QComboBox(this)),
      m_seeds(new QSpinBox(this)), m_watermark(new QLineEdit(this)),
      m_translate(new QCheckBox(this)), m_type(new QComboBox(this)),
      m_images(new QPlainTextEdit(this)),
      m_picker(new ImagePicker(
          [this, uploader](const QString &path, QObject *owner) {
              return uploader(this->keyId(), path, owner);
          },
          this)),
      m_key(new QComboBox(this)), m_problem(new QLabel(this)),
      m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setObjectName(QStringLiteral("GenerateDialog"));
    setWindowTitle(tr("New Generation"));
    m_prompt->setObjectName(QStringLiteral("GeneratePrompt"));
    m_prompt->setPlaceholderText(tr("Describe the video: subject, action, camera, light, sound."));
    m_prompt->setTabChangesFocus(true);
    m_batch->setObjectName(QStringLiteral("GenerateBatch"));
    m_batch->setText(tr("Each &line is its own generation (a batch)"));
    m_batch->setToolTip(tr("Every line becomes its own request with these settings. KIE takes "
                           "20 new generations every 10 seconds: the rest wait in the list, "
                           "in order, and can be paused or cancelled until they are sent."));
    //: Veo 3.1 models (KIE's names in brackets)
    m_model->addItem(tr("Fast (veo3_fast)"), QStringLiteral("veo3_fast"));
    m_model->addItem(tr("Quality (veo3)"), QStringLiteral("veo3"));
    m_model->addItem(tr("Lite (veo3_lite)"), QStringLiteral("veo3_lite"));
    m_model->setObjectName(QStringLiteral("GenerateModel"));
    m_ratio->addItem(tr("16:9 (landscape)"), QStringLiteral("16:9"));
    m_ratio->addItem(tr("9:16 (portrait)"), QStringLiteral("9:16"));
    //: Aspect ratio chosen by KIE from the image
    m_ratio->addItem(tr("Auto (from the image)"), QStringLiteral("Auto"));
    for (const QString &r : generateResolutions()) {
        m_resolution->addItem(r == QLatin1String("4k") ? QStringLiteral("4K") : r, r);
    }
    m_seeds->setRange(9999, 99999); // 9999 shows as "Random"
    m_seeds->setSpecialValueText(tr("Random"));
    m_seeds->setObjectName(QStringLiteral("GenerateSeeds"));
    m_watermark->setPlaceholderText(tr("None"));
    m_translate->setText(tr("Let KIE translate the prompt into English"));
    m_type->addItem(tr("Decided by KIE (text, or the images below)"), QString());
    m_type->addItem(tr("Text to video"), QStringLiteral("TEXT_2_VIDEO"));
    m_type->addItem(tr("First and last frames (1-2 images)"),
                    QStringLiteral("FIRST_AND_LAST_FRAMES_2_VIDEO"));
    m_type->addItem(tr("Reference images (1-3, Fast model)"), QStringLiteral("REFERENCE_2_VIDEO"));
    m_images->setObjectName(QStringLiteral("GenerateImages"));
    m_images->setPlaceholderText(
        tr("Image addresses KIE can fetch, one per line (https://…), or images from disk:"));
    m_images->setTabChangesFocus(true);
    m_images->setFixedHeight(m_images->fontMetrics().lineSpacing() * 3 + 12);
    for (const Key &key : keys) {
        m_key->addItem(key.text, key.id);
    }
    m_key->setObjectName(QStringLiteral("GenerateKey"));
    m_problem->setObjectName(QStringLiteral("GenerateProblem"));
    m_problem->setWordWrap(true);
    m_problem->setStyleSheet(QStringLiteral("color: %1;").arg(QLatin1String(FailureColorName)));

    m_prompt->setPlainText(o.prompt);
    select(m_model, o.model);
    select(m_ratio, o.aspectRatio);
    select(m_resolution, o.resolution);
    m_seeds->setValue(o.seeds.value_or(9999));
    m_watermark->setText(o.watermark);
    m_translate->setChecked(o.enableTranslation);
    select(m_type, o.generationType);
    m_images->setPlainText(o.imageUrls.join(QLatin1Char('\n')));
    select(m_key, keyId);

    auto *cost = new QLabel(tr("KIE charges the generation to this key. The request is saved, "
                               "then sent once; if its answer is lost it is never sent again "
                               "by itself."),
                            this);
    cost->setWordWrap(true);
    auto *form = new QFormLayout;
    form->addRow(tr("&Model:"), m_model);
    form->addRow(tr("&Aspect ratio:"), m_ratio);
    form->addRow(tr("&Resolution:"), m_resolution);
    form->addRow(tr("&Seeds:"), m_seeds);
    form->addRow(tr("&Watermark:"), m_watermark);
    form->addRow(QString(), m_translate);
    form->addRow(tr("&Type:"), m_type);
    form->addRow(tr("&Images:"), m_images);
    form->addRow(QString(), m_picker);
    form->addRow(tr("&Charged to:"), m_key);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_prompt, 1);
    auto *below = new QHBoxLayout;
    below->addWidget(m_batch);
    below->addStretch();
    below->addWidget(m_count);
    layout->addLayout(below);
    layout->addLayout(form);
    layout->addWidget(cost);
    layout->addWidget(m_problem);
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_prompt, &QPlainTextEdit::textChanged, this, &GenerateDialog::update);
    connect(m_batch, &QCheckBox::toggled, this, &GenerateDialog::update);
    connect(m_images, &QPlainTextEdit::textChanged, this, &GenerateDialog::update);
    connect(m_picker, &ImagePicker::uploaded, this, [this](const QUrl &url) {
        m_images->appendPlainText(url.toString(QUrl::FullyEncoded));
    });
    connect(m_picker, &ImagePicker::busyChanged, this, &GenerateDialog::update);
    for (QComboBox *box : {m_model, m_ratio, m_resolution, m_type, m_key}) {
        connect(box, &QComboBox::currentIndexChanged, this, &GenerateDialog::update);
    }
    update();
    resize(560, 620);
}

void GenerateDialog::update()
{
    const GenerateOptions o = options();
    const GenerateBatch batch = generations();
    m_count->setText(m_batch->isChecked()
                         ? tr("%n generation(s)", nullptr, int(batch.generations.size()))
                         : tr("%n character(s)", nullptr, int(o.prompt.size())));
    QStringList problems = batch.problems.mid(0, 3);
    if (batch.problems.size() > problems.size()) {
        problems.append(tr("…and %n more.", nullptr, int(batch.problems.size() - problems.size())));
    }
    QString problem = problems.join(QLatin1Char('\n'));
    if (m_key->count() == 0) {
        problem = tr("No API key: add one in API Keys first.");
    } else if (m_picker->isBusy()) {
        problem = tr("Waiting for the images to finish uploading.");
    } else if (problem.isEmpty() && batch.generations.isEmpty()) {
        problem = generateOptionsProblem(o); // the empty prompt's reason
    }
    // An empty prompt needs no red text: the disabled button says enough.
    m_problem->setText(o.prompt.isEmpty() ? QString() : problem);
    m_problem->setVisible(!m_problem->text().isEmpty());
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(problem.isEmpty());
    m_buttons->button(QDialogButtonBox::Ok)
        ->setText(m_batch->isChecked()
                      ? tr("&Queue %n", nullptr, int(batch.generations.size()))
                      : tr("&Generate"));
}

GenerateBatch GenerateDialog::generations() const
{
    if (m_batch->isChecked()) {
        return generateBatchFromLines(m_prompt->toPlainText(), options());
    }
    const GenerateOptions o = options();
    if (const QString problem = generateOptionsProblem(o); !problem.isEmpty()) {
        return {{}, {problem}};
    }
    return {{o}, {}};
}

GenerateOptions GenerateDialog::options() const
{
    GenerateOptions o;
    o.prompt = m_prompt->toPlainText().trimmed();
    o.model = m_model->currentData().toString();
    o.aspectRatio = m_ratio->currentData().toString();
    o.resolution = m_resolution->currentData().toString();
    if (m_seeds->value() >= 10000) {
        o.seeds = m_seeds->value();
    }
    o.watermark = m_watermark->text().trimmed();
    o.enableTranslation = m_translate->isChecked();
    o.generationType = m_type->currentData().toString();
    for (const QString &line : m_images->toPlainText().split(QLatin1Char('\n'))) {
        if (!line.trimmed().isEmpty()) {
            o.imageUrls << line.trimmed();
        }
    }
    return o;
}

QString GenerateDialog::keyId() const
{
    return m_key->currentData().toString();
}

} // namespace veo
