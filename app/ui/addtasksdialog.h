#pragma once

#include "keyprofilestore.h"

#include <QDialog>
#include <QList>
#include <QStringList>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QPlainTextEdit;

namespace veo {

// Which key the added tasks are polled with.
struct KeyChoice
{
    // Owner unknown: KeyProber asks each key in turn (keyId is then unused).
    bool tryAllKeys = false;
    // The chosen key's id; "" = the default key (also for the session-only key, which is
    // never stored, and when there is no key at all).
    QString keyId;
    friend bool operator==(const KeyChoice &, const KeyChoice &) = default;
};

// Takes one or many task IDs pasted in any shape; entries that are not IDs are listed.
// With keys (setKeys()) it also asks which key owns them, the default preselected.
class AddTasksDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AddTasksDialog)

public:
    explicit AddTasksDialog(QWidget *parent = nullptr);
    QStringList taskIds() const { return m_ids; }
    void setText(const QString &text);
    // The keys to choose from (KeyRing::profiles()); the default one is preselected. No
    // keys hides the choice; one key shows it without a choice; with several keys the last
    // entry is "Try all keys".
    void setKeys(const QList<KeyProfile> &profiles, const QString &defaultKeyId);
    KeyChoice keyChoice() const;

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void fillKeys();
    void reparse();

    QLabel *m_intro;
    QPlainTextEdit *m_edit;
    QLabel *m_keyLabel;
    QComboBox *m_keyCombo;
    QLabel *m_summary;
    QDialogButtonBox *m_buttons;
    QStringList m_ids;
    QList<KeyProfile> m_profiles;
    QString m_defaultKeyId;
};

} // namespace veo
