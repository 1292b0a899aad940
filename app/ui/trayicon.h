#pragma once

#include <QObject>

class QAction;
class QMenu;
class QSystemTrayIcon;

namespace veo {

class TaskTableModel;

// The tray icon, when the desktop has a tray: a tooltip summary ("2 generating, 1 ready") and
// a menu (show, refresh all, pause polling, quit). Without a tray nothing is created.
class TrayIcon final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TrayIcon)

public:
    TrayIcon(TaskTableModel *model, QAction *refreshAll, QAction *pause, QAction *quit,
             QObject *parent = nullptr);
    ~TrayIcon() override;

    bool isAvailable() const { return m_tray != nullptr; }
    QSystemTrayIcon *systemTrayIcon() const { return m_tray; }
    void retranslate();

Q_SIGNALS:
    void showRequested();

private:
    void updateToolTip();

    TaskTableModel *m_model;
    QSystemTrayIcon *m_tray = nullptr;
    QMenu *m_menu = nullptr;
    QAction *m_show = nullptr;
};

} // namespace veo
