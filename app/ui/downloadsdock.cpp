#include "downloadsdock.h"

#include "downloadcoordinator.h"
#include "downloadspanel.h"
#include "icons.h"

#include <QAction>
#include <QEvent>
#include <QToolButton>

namespace veo {

DownloadsDock::DownloadsDock(DownloadCoordinator *downloads, QWidget *parent)
    : QDockWidget(parent), m_panel(new DownloadsPanel(downloads->manager(), downloads)),
      m_toggle(toggleViewAction()), m_indicator(new QToolButton(this))
{
    setObjectName(QStringLiteral("DownloadsDock"));
    setWidget(m_panel);
    setAllowedAreas(Qt::BottomDockWidgetArea | Qt::TopDockWidgetArea);
    hide(); // until the first download, or the user opens it

    m_toggle->setIcon(themedIcon(QStringLiteral("downloads")));
    m_toggle->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_J));

    m_indicator->setObjectName(QStringLiteral("DownloadsIndicator"));
    m_indicator->setAutoRaise(true);
    m_indicator->setIcon(themedIcon(QStringLiteral("download")));
    m_indicator->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    connect(m_indicator, &QToolButton::clicked, this, &DownloadsDock::reveal);
    connect(this, &QDockWidget::visibilityChanged, this, &DownloadsDock::updateIndicator);
    connect(m_panel, &DownloadsPanel::activityChanged, this, &DownloadsDock::updateIndicator);
    retranslateUi();
}

void DownloadsDock::reveal()
{
    show();
    raise();
}

void DownloadsDock::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslateUi();
    }
    QDockWidget::changeEvent(event);
}

void DownloadsDock::retranslateUi()
{
    setWindowTitle(tr("Downloads"));
    //: View menu / toolbar: show or hide the Downloads panel
    m_toggle->setText(tr("Do&wnloads"));
    m_toggle->setToolTip(tr("Show or hide the Downloads panel (%1)")
                             .arg(m_toggle->shortcut().toString(QKeySequence::NativeText)));
    updateIndicator();
}

void DownloadsDock::updateIndicator()
{
    const int active = m_panel->activeCount();
    //: Status bar button: downloads going on; opens the Downloads panel
    m_indicator->setText(tr("%n downloading", nullptr, active));
    m_indicator->setToolTip(m_toggle->toolTip());
    m_indicator->setVisible(active > 0 && !isVisible());
}

} // namespace veo
