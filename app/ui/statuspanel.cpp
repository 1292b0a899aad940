#include "statuspanel.h"

#include "creditsmonitor.h"
#include "keyring.h"
#include "refreshscheduler.h"
#include "taskexpiry.h"
#include "tasktablemodel.h"

#include <QDateTime>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <algorithm>
#include <limits>

namespace veo {

StatusPanel::StatusPanel(TaskTableModel *model, RefreshScheduler *scheduler, KeyRing *keys,
                         CreditsMonitor *credits, bool demo, QWidget *parent)
    : QWidget(parent), m_model(model), m_scheduler(scheduler), m_keys(keys), m_credits(credits),
      m_demo(demo), m_counts(new QLabel(this)), m_key(new QLabel), m_keyCancel(new QPushButton),
      m_next(new QLabel), m_expiring(new QLabel(this))
{
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_counts->setObjectName(QStringLiteral("TaskCounts"));
    layout->addWidget(m_counts);
    m_expiring->setObjectName(QStringLiteral("ExpiringSoon"));
    QFont bold = m_expiring->font();
    bold.setBold(true);
    m_expiring->setFont(bold);
    layout->addWidget(m_expiring);
    layout->addStretch(1);
    m_keyCancel->setVisible(false);
    m_next->setObjectName(QStringLiteral("NextRefresh"));
    connect(m_keyCancel, &QPushButton::clicked, m_keys, &KeyRing::cancel);
    connect(m_model, &TaskTableModel::countsChanged, this, &StatusPanel::updateCounts);
    connect(m_scheduler, &RefreshScheduler::nextPollChanged, this, &StatusPanel::updateNextRefresh);
    connect(m_scheduler, &RefreshScheduler::onlineChanged, this, &StatusPanel::updateNextRefresh);
    connect(m_keys, &KeyRing::stateChanged, this, &StatusPanel::updateKey);
    connect(m_keys, &KeyRing::profilesChanged, this, &StatusPanel::updateKey);
    if (m_credits) {
        connect(m_credits, &CreditsMonitor::checked, this, &StatusPanel::updateKey);
    }
    m_tick.setInterval(1000); // the countdown
    connect(&m_tick, &QTimer::timeout, this, &StatusPanel::updateNextRefresh);
    m_tick.start();
    refresh();
}

QList<QWidget *> StatusPanel::permanentWidgets() const
{
    return {m_key, m_keyCancel, m_next};
}

void StatusPanel::refresh()
{
    m_keyCancel->setText(tr("Cancel"));
    m_keyCancel->setToolTip(tr("Stop waiting for the keyring"));
    updateCounts();
    updateNextRefresh();
    updateKey();
}

void StatusPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        refresh();
    }
    QWidget::changeEvent(event);
}

void StatusPanel::showLoading(int tasksSoFar)
{
    //: Status bar while a long task list is read at start-up
    m_counts->setText(tr("Reading the task list: %Ln task(s) so far…", nullptr, tasksSoFar));
}

void StatusPanel::updateCounts()
{
    const TaskTableModel &m = *m_model;
    QStringList parts;
    parts << tr("%n task(s)", nullptr, m.rowCount());
    for (TaskStatus s : {TaskStatus::Pending, TaskStatus::Generating, TaskStatus::Succeeded}) {
        if (const int n = m.countByStatus(s); n > 0) {
            //: Status bar: count and status, e.g. "3 Generating"
            parts << tr("%L1 %2").arg(n).arg(statusText(s, -1));
        }
    }
    const int failed = m.countByStatus(TaskStatus::Failed) +
                       m.countByStatus(TaskStatus::GenerationFailed) +
                       m.countByStatus(TaskStatus::OtherFailure);
    if (failed > 0) {
        //: Status bar: number of failed tasks of any kind
        parts << tr("%L1 failed").arg(failed);
    }
    if (const int n = m.countByStatus(TaskStatus::Unavailable); n > 0) {
        parts << tr("%L1 %2").arg(n).arg(statusText(TaskStatus::Unavailable, -1));
    }
    m_counts->setText(parts.join(QStringLiteral(" · ")));
    const int soon = m.countByExpiry(int(ExpiryConcern::ExpiringSoon)).videos;
    //: Status bar: videos KIE deletes within 48 hours that are not on disk
    m_expiring->setText(tr("%n video(s) expire soon, not downloaded", nullptr, soon));
    m_expiring->setToolTip(tr("KIE deletes videos 14 days after they are made. Download them "
                              "now, or turn on Keep before expiry in Preferences. The status "
                              "filter lists them."));
    m_expiring->setVisible(soon > 0);
}

void StatusPanel::updateNextRefresh()
{
    const RefreshScheduler &s = *m_scheduler;
    QString text;
    if (s.isPaused()) {
        text = tr("Polling paused");
    } else if (!s.isOnline()) {
        text = tr("Offline — waiting for the network");
    } else if (const QDateTime next = s.nextPollAt(); next.isValid()) {
        const qint64 secs = std::max<qint64>(0, QDateTime::currentDateTimeUtc().secsTo(next));
        text = secs == 0 ? tr("Checking…") : tr("Next check in %n s", nullptr, int(secs));
    } else if (m_model->rowCount() > 0) { // with none, nothing is finished either
        text = tr("All tasks finished");
    }
    m_next->setText(text);
}

void StatusPanel::updateKey()
{
    const KeyRing &keys = *m_keys;
    m_keyCancel->setVisible(keys.state() == KeyRing::State::Loading);
    switch (keys.state()) {
    case KeyRing::State::Loading:
        m_key->setText(tr("Waiting for the keyring…"));
        break;
    case KeyRing::State::Ready:
        if (m_demo) {
            m_key->setText(tr("Demo key"));
        } else {
            QString text = keys.isSessionOnly() ? tr("Key %1 (this session only)").arg(keys.hint())
                                                : tr("Key %1").arg(keys.hint());
            const std::optional<qint64> credits =
                m_credits ? m_credits->lastCredits(keys.defaultKeyId()) : std::nullopt;
            if (credits) {
                const int count = int(std::min<qint64>(*credits, std::numeric_limits<int>::max()));
                //: Status bar: the default key, then its credits (积分) left
                text = tr("%1 · %Ln credit(s)", nullptr, count).arg(text);
            }
            m_key->setText(text);
        }
        break;
    case KeyRing::State::NoKey:
        m_key->setText(tr("No API key"));
        break;
    case KeyRing::State::Unavailable:
        m_key->setText(tr("Keyring unavailable"));
        break;
    }
}

} // namespace veo
