#include "addkeypage.h"

#include "apierror.h"
#include "creditsmonitor.h"
#include "keyring.h"

#include <QCheckBox>
#include <QEvent>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QToolButton>
#include <QVBoxLayout>

namespace veo {

AddKeyPage::AddKeyPage(KeyRing *keys, CreditsMonitor *credits, QWidget *parent)
    : QWidget(parent), m_keys(keys), m_credits(credits), m_intro(new QLabel(this)),
      m_labelLabel(new QLabel(this)), m_labelEdit(new QLineEdit(this)),
      m_secretLabel(new QLabel(this)), m_secretEdit(new QLineEdit(this)),
      m_reveal(new QToolButton(this)), m_sessionOnly(new QCheckBox(this)),
      m_message(new QLabel(this)), m_save(new QPushButton(this)),
      m_saveUnchecked(new QPushButton(this)), m_back(new QPushButton(this))
{
    m_intro->setWordWrap(true);
    m_intro->setOpenExternalLinks(true);
    m_secretEdit->setEchoMode(QLineEdit::Password);
    m_secretEdit->setInputMethodHints(Qt::ImhHiddenText | Qt::ImhNoPredictiveText |
                                      Qt::ImhSensitiveData);
    // Hold to reveal: the secret is shown only while the button is pressed.
    connect(m_reveal, &QToolButton::pressed, this,
            [this] { m_secretEdit->setEchoMode(QLineEdit::Normal); });
    connect(m_reveal, &QToolButton::released, this,
            [this] { m_secretEdit->setEchoMode(QLineEdit::Password); });
    m_message->setWordWrap(true);
    m_save->setDefault(true);
    m_labelLabel->setBuddy(m_labelEdit);
    m_secretLabel->setBuddy(m_secretEdit);

    connect(m_save, &QPushButton::clicked, this, &AddKeyPage::checkAndSave);
    connect(m_saveUnchecked, &QPushButton::clicked, this,
            [this] { saveKey(KeyHealth::Unchecked, std::nullopt); });
    connect(m_back, &QPushButton::clicked, this, &AddKeyPage::finished);
    const auto edited = [this] {
        m_saveUnchecked->hide(); // a changed key has to be checked again
        m_save->setEnabled(
            !m_secretEdit->text().trimmed().isEmpty() &&
            (m_sessionOnly->isChecked() || !m_labelEdit->text().trimmed().isEmpty()));
    };
    connect(m_secretEdit, &QLineEdit::textChanged, this, edited);
    connect(m_labelEdit, &QLineEdit::textChanged, this, edited);
    connect(m_sessionOnly, &QCheckBox::toggled, this, edited);

    auto *secretRow = new QHBoxLayout;
    secretRow->addWidget(m_secretEdit, 1);
    secretRow->addWidget(m_reveal);
    auto *form = new QFormLayout;
    form->addRow(m_labelLabel, m_labelEdit);
    form->addRow(m_secretLabel, secretRow);
    form->addRow(QString(), m_sessionOnly);
    auto *buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(m_saveUnchecked);
    buttons->addWidget(m_save);
    buttons->addWidget(m_back);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_intro);
    layout->addLayout(form);
    layout->addWidget(m_message);
    layout->addStretch(1);
    layout->addLayout(buttons);
    m_saveUnchecked->hide();
    m_save->setEnabled(false);
    retranslateUi();
}

AddKeyPage::~AddKeyPage()
{
    clearSecret(); // do not leave the secret in a widget that outlives its use
}

void AddKeyPage::start()
{
    m_labelEdit->clear();
    m_secretEdit->clear();
    m_sessionOnly->setChecked(false);
    setMessage({}, false);
    setFormEnabled(true);
    m_saveUnchecked->hide();
    m_labelEdit->setFocus();
}

void AddKeyPage::clearSecret()
{
    m_secretEdit->clear();
}

void AddKeyPage::checkAndSave()
{
    const QString label = m_labelEdit->text().trimmed();
    if (!m_sessionOnly->isChecked() && m_keys->labelInUse(label)) {
        setMessage(tr("Another key is already labelled \"%1\".").arg(label), true);
        return;
    }
    setFormEnabled(false);
    m_saveUnchecked->hide();
    //: Keys dialog: the new key is being checked with KIE.AI's credits endpoint
    setMessage(tr("Checking the key with KIE.AI…"), false);
    if (!m_credits) {
        onChecked(ApiError{ApiError::Kind::Offline, 0, 0, {}, -1}, 0);
        return;
    }
    m_credits->probe(m_secretEdit->text(), this,
                     [this](const ApiError &error, qint64 credits) { onChecked(error, credits); });
}

void AddKeyPage::onChecked(const ApiError &error, qint64 credits)
{
    const KeyHealth health = keyHealthFor(error, credits);
    switch (health) {
    case KeyHealth::InvalidKey:
        setFormEnabled(true);
        //: Keys dialog: KIE.AI answered 401 for the key being added
        setMessage(tr("KIE.AI does not accept this key: it is wrong or was revoked. Check "
                      "that it was copied completely. Nothing was saved."),
                   true);
        return;
    case KeyHealth::Ok:
    case KeyHealth::NoCredits:
        saveKey(health, error.isError() ? std::nullopt : std::optional<qint64>(credits));
        return;
    case KeyHealth::RateLimited:
        saveKey(health, std::nullopt); // accepted, but KIE asked to slow down
        return;
    default:
        setFormEnabled(true);
        //: Keys dialog: the new key could not be checked; %1 says why
        setMessage(tr("The key could not be checked: %1 You can save it anyway; it is marked "
                      "as not checked until KIE.AI answers.")
                       .arg(error.text()),
                   true);
        m_saveUnchecked->show();
    }
}

void AddKeyPage::saveKey(KeyHealth health, std::optional<qint64> credits)
{
    const QString secret = m_secretEdit->text().trimmed();
    if (m_sessionOnly->isChecked()) {
        m_keys->setSessionKey(secret);
        Q_EMIT finished();
        return;
    }
    setFormEnabled(false);
    m_saveUnchecked->hide();
    //: Keys dialog: the key is being written to the system keyring
    setMessage(tr("Saving the key in the system keyring…"), false);
    m_keys->addKey(m_labelEdit->text(), secret, health, credits, this,
                   [this](const TokenResult &result, const QString &keyId) {
                       setFormEnabled(true);
                       if (!result.ok()) {
                           //: Keys dialog: storing the key failed; %1 explains why
                           setMessage(tr("The key was not saved: %1").arg(result.userMessage()),
                                      true);
                           return;
                       }
                       Q_EMIT keyAdded(keyId);
                   });
}

void AddKeyPage::setMessage(const QString &text, bool error)
{
    m_message->setText(text);
    m_message->setProperty("error", error);
}

void AddKeyPage::setFormEnabled(bool enabled)
{
    m_labelEdit->setEnabled(enabled);
    m_secretEdit->setEnabled(enabled);
    m_sessionOnly->setEnabled(enabled);
    m_save->setEnabled(enabled && !m_secretEdit->text().trimmed().isEmpty());
    m_saveUnchecked->setEnabled(enabled);
}

void AddKeyPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslateUi();
    }
    QWidget::changeEvent(event);
}

void AddKeyPage::retranslateUi()
{
    m_intro->setText(tr("Create or copy a key at <a href=\"https://kie.ai/api-key\">"
                        "kie.ai/api-key</a>. It is checked with KIE.AI, then kept in the "
                        "system keyring, never in a file."));
    //: Add-key form: the name for the new API key, e.g. "Client A"
    m_labelLabel->setText(tr("&Label:"));
    m_labelEdit->setPlaceholderText(tr("e.g. Personal, Client A"));
    //: Add-key form: the API key itself
    m_secretLabel->setText(tr("API &key:"));
    m_secretEdit->setAccessibleName(tr("API key"));
    m_reveal->setText(tr("Show"));
    m_reveal->setToolTip(tr("Hold to show the key"));
    m_sessionOnly->setText(tr("Use for this session only (do not store)"));
    //: Add-key form button: check the key with KIE.AI, then store it
    m_save->setText(tr("Check and &Save"));
    //: Add-key form button, offered when KIE.AI could not be reached
    m_saveUnchecked->setText(tr("Save &Anyway"));
    m_back->setText(tr("Cancel"));
}

} // namespace veo
