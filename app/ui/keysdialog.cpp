#include "keysdialog.h"

#include "addkeypage.h"
#include "creditchart.h"
#include "creditsmonitor.h"
#include "keyring.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QStackedWidget>
#include <QTableWidget>
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
    m_addPage = new AddKeyPage(keys, credits, m_pages);
    m_pages->addWidget(m_addPage);
    connect(m_addPage, &AddKeyPage::finished, this, &KeysDialog::showList);
    connect(m_addPage, &AddKeyPage::keyAdded, this, [this](const QString &keyId) {
        showList();
        for (int row = 0; row < m_table->rowCount(); ++row) {
            if (m_table->item(row, LabelColumn)->data(IdRole) == keyId) {
                m_table->setCurrentCell(row, LabelColumn);
            }
        }
    });
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
    resize(860, 600);
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
    m_chartTitle = new QLabel(page);
    m_chartTitle->setWordWrap(true);
    m_chart = new CreditChart(page);
    m_chartTitle->setBuddy(m_chart);
    m_chartTitle->hide();
    m_chart->hide(); // until setCreditHistory()

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
    connect(m_table, &QTableWidget::itemSelectionChanged, this, [this] {
        if (!m_refreshing) {
            updateChart();
        }
    });
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
    layout->addWidget(m_chartTitle);
    layout->addWidget(m_chart, 1);
    layout->addWidget(m_listMessage);
    m_pages->addWidget(page);
}

void KeysDialog::setTaskCounter(std::function<QHash<QString, int>()> counter)
{
    m_taskCounter = std::move(counter);
    refresh();
}

void KeysDialog::setCreditHistory(CreditHistory history)
{
    m_history = std::move(history);
    m_chartTitle->setVisible(bool(m_history));
    m_chart->setVisible(bool(m_history));
    updateChart();
}

void KeysDialog::updateChart()
{
    if (!m_history) {
        return;
    }
    const auto p = m_keys->profile(selectedKeyId());
    if (!p || selectedKeyId().isEmpty()) {
        //: Keys dialog: the title above the balance chart while no key is selected
        m_chartTitle->setText(tr("Balance over the last %n day(s)", nullptr, CreditChart::Days));
        m_chart->showMessage(tr("Select a key to see its balance and what it spent each day."));
        return;
    }
    //: Keys dialog: the title above the balance chart; %1 = the key's label
    m_chartTitle->setText(
        tr("Balance of “%1” over the last %n day(s)", nullptr, CreditChart::Days).arg(p->label));
    if (p->sessionOnly) {
        m_chart->showMessage(
            tr("The balance of a key used for this session only is not kept, so it has no "
               "history."));
        return;
    }
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QTimeZone zone = QTimeZone::systemTimeZone();
    m_chart->setReadings(m_history(p->id, CreditChart::rangeStart(now, zone), now), now, zone);
}

void KeysDialog::showAddPage()
{
    m_pages->setCurrentWidget(m_addPage);
    m_addPage->start();
}

void KeysDialog::showList()
{
    m_addPage->clearSecret();
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
        QString status = keyHealthText(p.health);
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
    updateChart();
}

void KeysDialog::updateButtons()
{
    const QString id = selectedKeyId();
    const auto p = id.isEmpty() ? std::nullopt : m_keys->profile(id);
    const bool busy = m_keys->isBusy();
    m_rename->setEnabled(p.has_value());
    m_remove->setEnabled(p.has_value() && !busy);
    m_default->setEnabled(p && p->id != m_keys->defaultKeyId());
    m_test->setEnabled(p && m_credits && m_keys->hasSecret(p->id));
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
    //: Shown while a system keyring operation is pending
    m_busyLabel->setText(tr("Waiting for the keyring…"));
    m_busyCancel->setText(tr("Cancel"));
}

} // namespace veo
