#pragma once

#include <QDockWidget>

class QAction;
class QToolButton;

namespace veo {

class DownloadCoordinator;
class DownloadsPanel;

// The Downloads panel in a dock at the bottom of the main window: hidden until the first
// download the user asks for (reveal()) or the toggle (Ctrl+J, View menu, toolbar); while it
// is hidden, a status-bar button says "2 downloading" and opens it.
class DownloadsDock final : public QDockWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DownloadsDock)

public:
    explicit DownloadsDock(DownloadCoordinator *downloads, QWidget *parent = nullptr);

    DownloadsPanel *panel() const { return m_panel; }
    // Shows or hides the dock; for the View menu and the toolbar.
    QAction *toggleAction() const { return m_toggle; }
    // For the status bar; visible only while downloads run and the dock is hidden.
    QToolButton *indicator() const { return m_indicator; }
    void reveal();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void updateIndicator();

    DownloadsPanel *m_panel;
    QAction *m_toggle;
    QToolButton *m_indicator;
};

} // namespace veo
