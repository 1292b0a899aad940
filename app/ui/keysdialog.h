#pragma once

#include "creditspend.h"

#include <QDialog>
#include <QHash>
#include <functional>

class QLabel;
class QPushButton;
class QStackedWidget;
class QTableWidget;

namespace veo {

class AddKeyPage;
class CreditChart;
class CreditsMonitor;
class KeyRing;

// Manages the API keys ("Keys" = KIE.AI API keys): add, rename (edit the label in place),
// remove, set default, test. Shows each key's label, masked hint, default mark, credits and
// when they were checked, last error and how many tasks use it. Adding checks the key with
// the credits endpoint first: a refused key is never saved; when KIE cannot be reached the
// user may save it anyway, marked as not checked. Keychain jobs never block: while one runs,
// "Waiting for the keyring…" shows with Cancel. Under the list, the selected key's balance over
// the last 30 days and what it spent each day (CreditChart), from setCreditHistory().
// Open it with open() or show(), not exec().
class KeysDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(KeysDialog)

public:
    enum Column {
        LabelColumn,
        HintColumn,
        DefaultColumn,
        CreditsColumn,
        CheckedColumn,
        StatusColumn,
        TasksColumn,
        ColumnCount
    };

    KeysDialog(KeyRing *keys, CreditsMonitor *credits, QWidget *parent = nullptr);

    // Number of tasks per key id ("" = tasks of the default key); refreshed with the list.
    void setTaskCounter(std::function<QHash<QString, int>()> counter);
    // A key's balance readings from `from` to `to` (Engine::creditHistory()); without it the
    // chart is not shown.
    using CreditHistory = std::function<QList<CreditReading>(
        const QString &keyId, const QDateTime &from, const QDateTime &to)>;
    void setCreditHistory(CreditHistory history);
    // Opens the "add a key" page at once (e.g. when no key exists yet).
    void showAddPage();

    // For tests and accessibility.
    QTableWidget *table() const { return m_table; }
    CreditChart *creditChart() const { return m_chart; }
    QString selectedKeyId() const;

protected:
    void changeEvent(QEvent *event) override;

private:
    void buildListPage();
    void retranslateUi();
    void refresh();
    void updateButtons();
    void updateChart();
    void updateBusy(bool busy);
    void showList();

    void removeSelected();
    void setDefaultSelected();
    void testSelected();
    void onLabelEdited(int row, int column);

    KeyRing *m_keys;
    CreditsMonitor *m_credits;
    std::function<QHash<QString, int>()> m_taskCounter;
    CreditHistory m_history;
    bool m_refreshing = false;

    QStackedWidget *m_pages;
    // list page
    QLabel *m_listIntro;
    QTableWidget *m_table;
    QPushButton *m_add;
    QPushButton *m_rename;
    QPushButton *m_remove;
    QPushButton *m_default;
    QPushButton *m_test;
    QLabel *m_listMessage;
    QLabel *m_chartTitle;
    CreditChart *m_chart;
    QPushButton *m_close;
    AddKeyPage *m_addPage; // what adding a key takes
    // shared
    QLabel *m_busyLabel;
    QPushButton *m_busyCancel;
};

} // namespace veo
