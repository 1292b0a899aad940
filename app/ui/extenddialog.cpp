#include "extenddialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace veo {

ExtendDialog::ExtendDialog(const QString &parentTaskId, const QString &prompt,
                           const QString &keyText, QWidget *parent)
    : QDialog(parent), m_parentTaskId(parentTaskId), m_prompt(new QPlainTextEdit(this)),
      m_count(new QLabel(this)), m_model(new QComboBox(this)), m_seeds(new QSpinBox(this)),
      m_watermark(new QLineEdit(this)),
      m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setObjectName(QStringLiteral("ExtendDialog"));
    setWindowTitle(tr("Extend Video"));
    auto *intro = new QLabel(
        tr("KIE continues the video of task %1 from its last frame, following this prompt.")
            .arg(parentTaskId),
        this);
    intro->setWordWrap(true);
    m_prompt->setObjectName(QStringLiteral("ExtendPrompt"));
    m_prompt->setPlainText(prompt);
    m_prompt->setTabChangesFocus(true);
    //: Extension models, as KIE's extend endpoint names them
    m_model->addItem(tr("Fast"), QStringLiteral("fast"));
    m_model->addItem(tr("Quality"), QStringLiteral("quality"));
    m_model->addItem(tr("Lite"), QStringLiteral("lite"));
    m_model->setObjectName(QStringLiteral("ExtendModel"));
    m_seeds->setRange(9999, 99999); // 9999 shows as "Random"
    m_seeds->setSpecialValueText(tr("Random"));
    m_seeds->setValue(9999);
    m_seeds->setObjectName(QStringLiteral("ExtendSeeds"));
    m_watermark->setPlaceholderText(tr("None"));
    auto *key = new QLabel(keyText, this);
    key->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *cost = new QLabel(tr("An extension is a new generation: KIE charges it to this key. "
                               "The request is sent once; if its answer is lost, it is not "
                               "sent again."),
                            this);
    cost->setWordWrap(true);

    auto *form = new QFormLayout;
    form->addRow(tr("Model:"), m_model);
    form->addRow(tr("Seeds:"), m_seeds);
    form->addRow(tr("Watermark:"), m_watermark);
    form->addRow(tr("Charged to:"), key);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Extend"));
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_prompt, 1);
    layout->addWidget(m_count);
    layout->addLayout(form);
    layout->addWidget(cost);
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_prompt, &QPlainTextEdit::textChanged, this, &ExtendDialog::updateOk);
    updateOk();
    resize(520, 420);
}

void ExtendDialog::updateOk()
{
    const QString text = m_prompt->toPlainText().trimmed();
    m_count->setText(tr("%n character(s)", nullptr, int(text.size())));
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(!text.isEmpty());
}

ExtendOptions ExtendDialog::options() const
{
    ExtendOptions options;
    options.parentTaskId = m_parentTaskId;
    options.prompt = m_prompt->toPlainText().trimmed();
    options.model = m_model->currentData().toString();
    if (m_seeds->value() >= 10000) {
        options.seeds = m_seeds->value();
    }
    options.watermark = m_watermark->text().trimmed();
    return options;
}

} // namespace veo
