#pragma once

#include <QDialog>
#include <QHash>
#include <functional>
#include <optional>

class QCheckBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QStackedWidget;
class QTableWidget;
class QToolButton;

namespace veo {

class CreditsMonitor;
class KeyRing;
struct ApiError;
enum class KeyHealth;

// Manages the API keys ("Keys" = KIE.AI API keys): add, rename (edit the label in place),
// remove, set default, test. Shows each key's label, masked hint, default mark, credits and
// when they were checked, last error and how many tasks use it. Adding checks the key with
// the credits endpoint first: a refused key is never saved; when KIE cannot be reached the
// user may save it anyway, marked as not checked. Keychain jobs never block: while one runs,
// "Waiting for the keyring…" shows with Cancel. Open it with open() or show(), not exec().
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
    ~KeysDialog() override;

    // Number of tasks per key id ("" = tasks of the default key); refreshed with the list.
    void setTaskCounter(std::function<QHash<QString, int>()> counter);
    // Opens the "add a key" page at once (e.g. when no key exists yet).
    void showAddPage();

    // For tests and accessibility.
    QTableWidget *table() const { return m_table; }
    QString selectedKeyId() const;

protected:
    void changeEvent(QEvent *event) override;

private:
    void buildListPage();
    void buildAddPage();
    void retranslateUi();
    void refresh();
    void updateButtons();
    void updateBusy(bool busy);
    void showList();
    void setAddMessage(const QString &text, bool error);
    void setAddFormEnabled(bool enabled);

    void removeSelected();
    void setDefaultSelected();
    void testSelected();
    void onLabelEdited(int row, int column);

    void checkAndSave();
    void onChecked(const ApiError &error, qint64 credits);
    void saveKey(KeyHealth health, std::optional<qint64> credits);

    KeyRing *m_keys;
    CreditsMonitor *m_credits;
    std::function<QHash<QString, int>()> m_taskCounter;
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
    QPushButton *m_close;
    // add page
    QLabel *m_addIntro;
    QLabel *m_labelLabel;
    QLineEdit *m_labelEdit;
    QLabel *m_secretLabel;
    QLineEdit *m_secretEdit;
    QToolButton *m_reveal;
    QCheckBox *m_sessionOnly;
    QLabel *m_addMessage;
    QPushButton *m_save;
    QPushButton *m_saveUnchecked;
    QPushButton *m_back;
    // shared
    QLabel *m_busyLabel;
    QPushButton *m_busyCancel;
};

} // namespace veo
