#include "trayicon.h"

#include "taskexpiry.h"
#include "tasktablemodel.h"

#include <QAction>
#include <QMenu>
#include <QSystemTrayIcon>

namespace veo {

TrayIcon::TrayIcon(TaskTableModel *model, QAction *refreshAll, QAction *pause, QAction *quit,
                   QObject *parent)
    : QObject(parent), m_model(model)
{
    if (!QSystemTrayIcon::isSystemTrayAvailable()) {
        return;
    }
    m_menu = new QMenu;
    m_show = m_menu->addAction(QString());
    connect(m_show, &QAction::triggered, this, &TrayIcon::showRequested);
    m_menu->addSeparator();
    m_menu->addAction(refreshAll);
    m_menu->addAction(pause);
    m_menu->addSeparator();
    m_menu->addAction(quit);
    m_tray = new QSystemTrayIcon(QIcon(QStringLiteral(":/icons/veo-tracker.svg")), this);
    m_tray->setContextMenu(m_menu);
    connect(m_tray, &QSystemTrayIcon::activated, this,
            [this](QSystemTrayIcon::ActivationReason reason) {
                if (reason == QSystemTrayIcon::Trigger || reason == QSystemTrayIcon::DoubleClick) {
                    Q_EMIT showRequested();
                }
            });
    connect(m_model, &TaskTableModel::countsChanged, this, &TrayIcon::updateToolTip);
    retranslate();
    m_tray->show();
}

TrayIcon::~TrayIcon()
{
    delete m_menu; // a context menu has no parent
}

void TrayIcon::retranslate()
{
    if (!m_tray) {
        return;
    }
    m_show->setText(tr("Show Veo Tracker"));
    updateToolTip();
}

void TrayIcon::updateToolTip()
{
    const int generating = m_model->countByStatus(TaskStatus::Generating) +
                           m_model->countByStatus(TaskStatus::Pending);
    const int ready = m_model->countByStatus(TaskStatus::Succeeded);
    //: Tray tooltip, e.g. "2 generating, 1 ready"
    QString tip =
        tr("Veo Tracker: %1, %2")
            .arg(tr("%n generating", nullptr, generating), tr("%n ready", nullptr, ready));
    if (const int soon = m_model->countByExpiry(int(ExpiryConcern::ExpiringSoon)).videos;
        soon > 0) {
        //: Tray tooltip, second line: videos KIE deletes within 48 hours, not on disk
        tip += QLatin1Char('\n') + tr("%n video(s) expire soon, not downloaded", nullptr, soon);
    }
    m_tray->setToolTip(tip);
}

} // namespace veo
