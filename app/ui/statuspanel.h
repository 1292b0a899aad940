#pragma once

#include <QTimer>
#include <QWidget>

class QLabel;
class QPushButton;

namespace veo {

class CreditsMonitor;
class KeyRing;
class RefreshScheduler;
class TaskTableModel;

// The status bar's content: counts by status, the videos about to expire undownloaded, the
// key in use (with Cancel while the keyring is being read), and the time until the next check
// or why there is none.
class StatusPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StatusPanel)

public:
    // credits may be null (no credits shown).
    StatusPanel(TaskTableModel *model, RefreshScheduler *scheduler, KeyRing *keys,
                CreditsMonitor *credits, bool demo, QWidget *parent = nullptr);

    // Widgets for QStatusBar::addPermanentWidget (the panel itself holds the counts).
    QList<QWidget *> permanentWidgets() const;
    void refresh();
    // The task list is still being read (it fills in behind): how far, instead of the counts,
    // which come when it is read (the next refresh()).
    void showLoading(int tasksSoFar);

protected:
    void changeEvent(QEvent *event) override;

private:
    void updateCounts();
    void updateNextRefresh();
    void updateKey();

    TaskTableModel *m_model;
    RefreshScheduler *m_scheduler;
    KeyRing *m_keys;
    CreditsMonitor *m_credits;
    bool m_demo;
    QLabel *m_counts;
    QLabel *m_key;
    QPushButton *m_keyCancel;
    QLabel *m_next;
    QLabel *m_expiring; // "3 videos expire soon, not downloaded"; hidden when none
    QTimer m_tick;
};

} // namespace veo
