#include "apikeydialog.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QToolButton>
#include <QVBoxLayout>

namespace veo {

ApiKeyDialog::ApiKeyDialog(QWidget *parent)
    : QDialog(parent), m_intro(new QLabel(this)), m_notice(new QLabel(this)),
      m_edit(new QLineEdit(this)), m_reveal(new QToolButton(this)),
      m_sessionOnly(new QCheckBox(this)),
      m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    m_intro->setWordWrap(true);
    m_intro->setOpenExternalLinks(true);
    m_notice->setWordWrap(true);
    m_notice->setVisible(false);
    m_edit->setEchoMode(QLineEdit::Password);
    m_edit->setInputMethodHints(Qt::ImhHiddenText | Qt::ImhNoPredictiveText
                                | Qt::ImhSensitiveData);
    m_edit->setMinimumWidth(380);
    // Hold to reveal: the secret is shown only while the button is pressed.
    connect(m_reveal, &QToolButton::pressed, this,
            [this] { m_edit->setEchoMode(QLineEdit::Normal); });
    connect(m_reveal, &QToolButton::released, this,
            [this] { m_edit->setEchoMode(QLineEdit::Password); });
    connect(m_edit, &QLineEdit::textChanged, this, &ApiKeyDialog::updateButtons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *row = new QHBoxLayout;
    row->addWidget(m_edit, 1);
    row->addWidget(m_reveal);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_intro);
    layout->addWidget(m_notice);
    layout->addLayout(row);
    layout->addWidget(m_sessionOnly);
    layout->addWidget(m_buttons);
    retranslateUi();
    updateButtons();
}

ApiKeyDialog::~ApiKeyDialog()
{
    m_edit->clear(); // do not leave the secret in a widget that outlives its use
}

QString ApiKeyDialog::secret() const
{
    return m_edit->text().trimmed();
}

bool ApiKeyDialog::sessionOnly() const
{
    return m_sessionOnly->isChecked();
}

void ApiKeyDialog::setNotice(const QString &text)
{
    m_notice->setText(text);
    m_notice->setVisible(!text.isEmpty());
}

void ApiKeyDialog::setKeychainAvailable(bool available)
{
    if (!available) {
        m_sessionOnly->setChecked(true);
    }
    m_sessionOnly->setEnabled(available);
}

void ApiKeyDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslateUi();
    }
    QDialog::changeEvent(event);
}

void ApiKeyDialog::retranslateUi()
{
    setWindowTitle(tr("KIE API Key"));
    m_intro->setText(
        tr("Veo Tracker needs your KIE.AI API key to read your tasks. Create or copy one at "
           "<a href=\"https://kie.ai/api-key\">kie.ai/api-key</a>. The key is kept in the "
           "system keyring, never in a file."));
    m_edit->setPlaceholderText(tr("API key"));
    m_edit->setAccessibleName(tr("API key"));
    m_reveal->setText(tr("Show"));
    m_reveal->setToolTip(tr("Hold to show the key"));
    m_sessionOnly->setText(tr("Use for this session only (do not store)"));
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Save"));
}

void ApiKeyDialog::updateButtons()
{
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(!secret().isEmpty());
}

} // namespace veo
