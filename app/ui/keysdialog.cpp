#include "keysdialog.h"

#include "apierror.h"
#include "creditsmonitor.h"
#include "keyring.h"

#include <QCheckBox>
#include <QEvent>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QStackedWidget>
#include <QTableWidget>
#include <QToolButton>
#include <QVBoxLayout>

namespace veo {

namespace {
constexpr int IdRole = Qt::UserRole + 1;
} // namespace

KeysDialog::KeysDialog(KeyRing *keys, CreditsMonitor *credits, QWidget *parent)
    : QDialog(parent), m_keys(keys), m_credits(credits), m_pages(new QStackedWidget(this)),
      m_busyLabel(new QLabel(this)), m_busyCancel(new QPushButton(this))
{
    buildListPage();
    buildAddPage();
    auto *busyRow = new QHBoxLayout;
    busyRow->addWidget(m_busyLabel, 1);
    busyRow->addWidget(m_busyCancel);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_pages, 1);
    layout->addLayout(busyRow);

    connect(m_busyCancel, &QPushButton::clicked, m_keys, &KeyRing::cancel);
    connect(m_keys, &KeyRing::busyChanged, this, &KeysDialog::updateBusy);
    connect(m_keys, &KeyRing::profilesChanged, this, &KeysDialog::refresh);
    if (m_credits) {
        connect(m_credits, &CreditsMonitor::checked, this, &KeysDialog::refresh,
                Qt::QueuedConnection); // after the ring has recorded the result
    }
    retranslateUi();
    updateBusy(m_keys->isBusy());
    refresh();
    resize(860, 380);
}

KeysDialog::~KeysDialog()
{
    m_secretEdit->clear(); // do not leave the secret in a widget that outlives its use
}

void KeysDialog::buildListPage()
{
    auto *page = new QWidget(m_pages);
    m_listIntro = new QLabel(page);
    m_listIntro->setWordWrap(true);
    m_table = new QTableWidget(0, ColumnCount, page);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_add = new QPushButton(page);
    m_rename = new QPushButton(page);
    m_remove = new QPushButton(page);
    m_default = new QPushButton(page);
    m_test = new QPushButton(page);
    m_close = new QPushButton(page);
    m_listMessage = new QLabel(page);
    m_listMessage->setWordWrap(true);
    m_listMessage->setTextInteractionFlags(Qt::TextSelectableByMouse);

    connect(m_add, &QPushButton::clicked, this, &KeysDialog::showAddPage);
    connect(m_rename, &QPushButton::clicked, this, [this] {
        if (const int row = m_table->currentRow(); row >= 0) {
            m_table->editItem(m_table->item(row, LabelColumn));
        }
    });
    connect(m_remove, &QPushButton::clicked, this, &KeysDialog::removeSelected);
    connect(m_default, &QPushButton::clicked, this, &KeysDialog::setDefaultSelected);
    connect(m_test, &QPushButton::clicked, this, &KeysDialog::testSelected);
    connect(m_close, &QPushButton::clicked, this, &QDialog::accept);
    connect(m_table, &QTableWidget::itemSelectionChanged, this, &KeysDialog::updateButtons);
    connect(m_table, &QTableWidget::cellChanged, this, &KeysDialog::onLabelEdited);

    auto *buttons = new QVBoxLayout;
    for (QPushButton *b : {m_add, m_rename, m_remove, m_default, m_test}) {
        buttons->addWidget(b);
    }
    buttons->addStretch(1);
    buttons->addWidget(m_close);
    auto *row = new QHBoxLayout;
    row->addWidget(m_table, 1);
    row->addLayout(buttons);
    auto *layout = new QVBoxLayout(page);
    layout->addWidget(m_listIntro);
    layout->addLayout(row, 1);
    layout->addWidget(m_listMessage);
    m_pages->addWidget(page);
}

void KeysDialog::buildAddPage()
{
    auto *page = new QWidget(m_pages);
    m_addIntro = new QLabel(page);
    m_addIntro->setWordWrap(true);
    m_addIntro->setOpenExternalLinks(true);
    m_labelLabel = new QLabel(page);
    m_labelEdit = new QLineEdit(page);
    m_secretLabel = new QLabel(page);
    m_secretEdit = new QLineEdit(page);
    m_secretEdit->setEchoMode(QLineEdit::Password);
    m_secretEdit->setInputMethodHints(Qt::ImhHiddenText | Qt::ImhNoPredictiveText |
                                      Qt::ImhSensitiveData);
    m_reveal = new QToolButton(page);
    // Hold to reveal: the secret is shown only while the button is pressed.
    connect(m_reveal, &QToolButton::pressed, this,
            [this] { m_secretEdit->setEchoMode(QLineEdit::Normal); });
    connect(m_reveal, &QToolButton::released, this,
            [this] { m_secretEdit->setEchoMode(QLineEdit::Password); });
    m_sessionOnly = new QCheckBox(page);
    m_addMessage = new QLabel(page);
    m_addMessage->setWordWrap(true);
    m_save = new QPushButton(page);
    m_save->setDefault(true);
    m_saveUnchecked = new QPushButton(page);
    m_back = new QPushButton(page);
    m_labelLabel->setBuddy(m_labelEdit);
    m_secretLabel->setBuddy(m_secretEdit);

    connect(m_save, &QPushButton::clicked, this, &KeysDialog::checkAndSave);
    connect(m_saveUnchecked, &QPushButton::clicked, this,
            [this] { saveKey(KeyHealth::Unchecked, std::nullopt); });
    connect(m_back, &QPushButton::clicked, this, &KeysDialog::showList);
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
    auto *layout = new QVBoxLayout(page);
    layout->addWidget(m_addIntro);
    layout->addLayout(form);
    layout->addWidget(m_addMessage);
    layout->addStretch(1);
    layout->addLayout(buttons);
    m_pages->addWidget(page);
    m_saveUnchecked->hide();
    m_save->setEnabled(false);
}

void KeysDialog::setTaskCounter(std::function<QHash<QString, int>()> counter)
{
    m_taskCounter = std::move(counter);
    refresh();
}

void KeysDialog::showAddPage()
{
    m_labelEdit->clear();
    m_secretEdit->clear();
    m_sessionOnly->setChecked(false);
    setAddMessage({}, false);
    setAddFormEnabled(true);
    m_saveUnchecked->hide();
    m_pages->setCurrentIndex(1);
    m_labelEdit->setFocus();
}

void KeysDialog::showList()
{
    m_secretEdit->clear();
    m_pages->setCurrentIndex(0);
}

QString KeysDialog::selectedKeyId() const
{
    const int row = m_table->currentRow();
    const QTableWidgetItem *item = row >= 0 ? m_table->item(row, LabelColumn) : nullptr;
    return item ? item->data(IdRole).toString() : QString();
}

void KeysDialog::refresh()
{
    const QString selected = selectedKeyId();
    const QHash<QString, int> counts = m_taskCounter ? m_taskCounter() : QHash<QString, int>();
    const QList<KeyProfile> profiles = m_keys->profiles();
    const QString defaultId = m_keys->defaultKeyId();
    const QLocale locale;
    m_refreshing = true;
    m_table->setRowCount(int(profiles.size()));
    for (int row = 0; row < profiles.size(); ++row) {
        const KeyProfile &p = profiles.at(row);
        const bool isDefault = p.id == defaultId;
        const auto set = [&](int column, const QString &text, bool editable = false) {
            auto *item = new QTableWidgetItem(text);
            item->setData(IdRole, p.id);
            item->setFlags(editable ? item->flags() | Qt::ItemIsEditable
                                    : item->flags() & ~Qt::ItemIsEditable);
            m_table->setItem(row, column, item);
        };
        set(LabelColumn, p.label, true);
        //: Keys dialog: the key's last characters are unknown (too short to show any)
        set(HintColumn, p.hint.isEmpty() ? tr("(hidden)") : p.displayHint());
        //: Keys dialog, Default column: this key is the default key
        set(DefaultColumn, isDefault ? tr("Default") : QString());
        set(CreditsColumn, p.credits ? locale.toString(*p.credits) : QStringLiteral("–"));
        set(CheckedColumn,
            p.creditsCheckedAt.isValid()
                ? locale.toString(p.creditsCheckedAt.toLocalTime(), QLocale::ShortFormat)
                : QStringLiteral("–"));
        QString status = KeyRing::healthText(p.health);
        if (m_credits && m_credits->isChecking(p.id)) {
            //: Keys dialog: the key's credits are being checked right now
            status = tr("Checking…");
        } else if (p.sessionOnly) {
            //: Keys dialog: %1 = the status of the key that is never stored
            status = tr("%1 (this session only)").arg(status);
        }
        set(StatusColumn, status);
        m_table->item(row, StatusColumn)->setToolTip(p.healthDetail);
        const int tasks = counts.value(p.id) + (isDefault ? counts.value(QString()) : 0);
        set(TasksColumn, locale.toString(tasks));
        if (p.id == selected) {
            m_table->setCurrentCell(row, LabelColumn);
        }
    }
    m_refreshing = false;
    m_table->resizeColumnsToContents();
    updateButtons();
}

void KeysDialog::updateButtons()
{
    const QString id = selectedKeyId();
    const auto p = id.isEmpty() ? std::nullopt : m_keys->profile(id);
    const bool busy = m_keys->isBusy();
    m_rename->setEnabled(p.has_value());
    m_remove->setEnabled(p.has_value() && !busy);
    m_default->setEnabled(p && p->id != m_keys->defaultKeyId());
    m_test->setEnabled(p && m_credits && !m_keys->token(p->id).isEmpty());
    m_add->setEnabled(!busy);
}

void KeysDialog::updateBusy(bool busy)
{
    m_busyLabel->setVisible(busy);
    m_busyCancel->setVisible(busy);
    updateButtons();
}

void KeysDialog::onLabelEdited(int row, int column)
{
    if (m_refreshing || column != LabelColumn) {
        return;
    }
    QTableWidgetItem *item = m_table->item(row, column);
    const QString id = item->data(IdRole).toString();
    const QString label = item->text().trimmed();
    const auto p = m_keys->profile(id);
    if (!p || label == p->label) {
        return;
    }
    if (label.isEmpty() || m_keys->labelInUse(label, id)) {
        //: Keys dialog: renaming failed; %1 = the label the user typed
        m_listMessage->setText(label.isEmpty()
                                   ? tr("A key needs a label.")
                                   : tr("Another key is already labelled \"%1\".").arg(label));
        QMetaObject::invokeMethod(this, &KeysDialog::refresh, Qt::QueuedConnection);
        return;
    }
    if (!m_keys->renameKey(id, label)) {
        m_listMessage->setText(tr("The key could not be renamed."));
        QMetaObject::invokeMethod(this, &KeysDialog::refresh, Qt::QueuedConnection);
        return;
    }
    m_listMessage->clear();
}

void KeysDialog::removeSelected()
{
    const auto p = m_keys->profile(selectedKeyId());
    if (!p) {
        return;
    }
    auto *box = new QMessageBox(QMessageBox::Question, tr("Remove Key"),
                                //: %1 = label of the API key, %2 = its last characters
                                tr("Remove the key \"%1\" (%2)? It is deleted from the system "
                                   "keyring. Its tasks stay in the list and need another key.")
                                    .arg(p->label, p->displayHint()),
                                QMessageBox::Yes | QMessageBox::Cancel, this);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->button(QMessageBox::Yes)->setText(tr("Remove"));
    const QString id = p->id;
    connect(box, &QMessageBox::finished, this, [this, box, id] {
        if (box->result() != QMessageBox::Yes) {
            return;
        }
        m_keys->removeKey(id, this, [this](const TokenResult &result) {
            //: Keys dialog: removing a key failed; %1 explains why (keyring problem)
            m_listMessage->setText(
                result.ok() ? QString()
                            : tr("The key could not be removed: %1").arg(result.userMessage()));
        });
    });
    box->open();
}

void KeysDialog::setDefaultSelected()
{
    if (!m_keys->setDefaultKey(selectedKeyId())) {
        m_listMessage->setText(tr("The default key could not be changed."));
    }
}

void KeysDialog::testSelected()
{
    const QString id = selectedKeyId();
    if (m_credits && !id.isEmpty()) {
        m_credits->checkKey(id);
        refresh();
    }
}

void KeysDialog::checkAndSave()
{
    const QString label = m_labelEdit->text().trimmed();
    if (!m_sessionOnly->isChecked() && m_keys->labelInUse(label)) {
        setAddMessage(tr("Another key is already labelled \"%1\".").arg(label), true);
        return;
    }
    setAddFormEnabled(false);
    m_saveUnchecked->hide();
    //: Keys dialog: the new key is being checked with KIE.AI's credits endpoint
    setAddMessage(tr("Checking the key with KIE.AI…"), false);
    if (!m_credits) {
        onChecked(ApiError{ApiError::Kind::Offline, 0, 0, {}, -1}, 0);
        return;
    }
    m_credits->probe(m_secretEdit->text(), this,
                     [this](const ApiError &error, qint64 credits) { onChecked(error, credits); });
}

void KeysDialog::onChecked(const ApiError &error, qint64 credits)
{
    const KeyHealth health = KeyRing::healthFor(error, credits);
    switch (health) {
    case KeyHealth::InvalidKey:
        setAddFormEnabled(true);
        //: Keys dialog: KIE.AI answered 401 for the key being added
        setAddMessage(tr("KIE.AI does not accept this key: it is wrong or was revoked. Check "
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
        setAddFormEnabled(true);
        //: Keys dialog: the new key could not be checked; %1 says why
        setAddMessage(tr("The key could not be checked: %1 You can save it anyway; it is marked "
                         "as not checked until KIE.AI answers.")
                          .arg(error.text()),
                      true);
        m_saveUnchecked->show();
    }
}

void KeysDialog::saveKey(KeyHealth health, std::optional<qint64> credits)
{
    const QString secret = m_secretEdit->text().trimmed();
    if (m_sessionOnly->isChecked()) {
        m_keys->setSessionKey(secret);
        showList();
        return;
    }
    setAddFormEnabled(false);
    m_saveUnchecked->hide();
    //: Keys dialog: the key is being written to the system keyring
    setAddMessage(tr("Saving the key in the system keyring…"), false);
    m_keys->addKey(m_labelEdit->text(), secret, health, credits, this,
                   [this](const TokenResult &result, const QString &keyId) {
                       setAddFormEnabled(true);
                       if (!result.ok()) {
                           //: Keys dialog: storing the key failed; %1 explains why
                           setAddMessage(tr("The key was not saved: %1").arg(result.userMessage()),
                                         true);
                           return;
                       }
                       showList();
                       for (int row = 0; row < m_table->rowCount(); ++row) {
                           if (m_table->item(row, LabelColumn)->data(IdRole) == keyId) {
                               m_table->setCurrentCell(row, LabelColumn);
                           }
                       }
                   });
}

void KeysDialog::setAddMessage(const QString &text, bool error)
{
    m_addMessage->setText(text);
    m_addMessage->setProperty("error", error);
}

void KeysDialog::setAddFormEnabled(bool enabled)
{
    m_labelEdit->setEnabled(enabled);
    m_secretEdit->setEnabled(enabled);
    m_sessionOnly->setEnabled(enabled);
    m_save->setEnabled(enabled && !m_secretEdit->text().trimmed().isEmpty());
    m_saveUnchecked->setEnabled(enabled);
}

void KeysDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslateUi();
        refresh();
    }
    QDialog::changeEvent(event);
}

void KeysDialog::retranslateUi()
{
    //: Window title; "Keys" = KIE.AI API keys
    setWindowTitle(tr("API Keys"));
    m_listIntro->setText(tr("Secrets are kept in the system keyring; only labels and the last "
                            "characters are shown. Double-click a label to rename the key."));
    m_table->setHorizontalHeaderLabels({//: Keys table column: the name the user gave the API key
                                        tr("Label"),
                                        //: Keys table column: last characters of the API key
                                        tr("Key"),
                                        //: Keys table column: marks the default API key
                                        tr("Default"),
                                        //: Keys table column: remaining KIE.AI credits
                                        tr("Credits"),
                                        //: Keys table column: when the credits were checked
                                        tr("Checked"),
                                        //: Keys table column: last error of the key, or OK
                                        tr("Status"),
                                        //: Keys table column: number of tasks polled with this key
                                        tr("Tasks")});
    m_add->setText(tr("&Add…"));
    m_rename->setText(tr("Re&name"));
    m_remove->setText(tr("&Remove…"));
    //: Button: make the selected API key the default one
    m_default->setText(tr("Set as &Default"));
    //: Button: check the selected API key's credits with KIE.AI now
    m_test->setText(tr("&Test"));
    m_close->setText(tr("Close"));
    m_addIntro->setText(tr("Create or copy a key at <a href=\"https://kie.ai/api-key\">"
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
    //: Shown while a system keyring operation is pending
    m_busyLabel->setText(tr("Waiting for the keyring…"));
    m_busyCancel->setText(tr("Cancel"));
}

} // namespace veo
