#include "playersourcebar.h"

#include "icons.h"

#include <QBoxLayout>
#include <QComboBox>
#include <QCoreApplication>
#include <QEvent>
#include <QLabel>
#include <QMenu>
#include <QResizeEvent>
#include <QToolButton>

namespace veo {

PlayerSourceBar::PlayerSourceBar(QWidget *parent)
    : QWidget(parent), m_label(new QLabel), m_switcher(new QComboBox),
      m_downloadButton(new QToolButton), m_browserButton(new QToolButton),
      m_systemPlayerButton(new QToolButton), m_followUpButton(new QToolButton),
      m_moreButton(new QToolButton), m_moreMenu(new QMenu(this))
{
    m_label->setBuddy(m_switcher);
    m_switcher->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_downloadButton->setIcon(themedIcon(QStringLiteral("download")));
    for (QToolButton *button : {m_downloadButton, m_browserButton, m_systemPlayerButton}) {
        button->setToolButtonStyle(Qt::ToolButtonTextOnly);
        button->setAutoRaise(true);
    }
    m_downloadButton->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_downloadButton->setObjectName(QStringLiteral("PlayerDownloadButton"));
    m_browserButton->setObjectName(QStringLiteral("PlayerBrowserButton"));
    m_systemPlayerButton->setObjectName(QStringLiteral("PlayerSystemPlayerButton"));
    m_followUpButton->setObjectName(QStringLiteral("PlayerFollowUpButton"));
    m_moreButton->setObjectName(QStringLiteral("PlayerMoreButton"));
    for (QToolButton *button : {m_followUpButton, m_moreButton}) {
        button->setPopupMode(QToolButton::InstantPopup);
        button->setAutoRaise(true);
        button->hide();
    }
    m_moreButton->setText(QStringLiteral("\u2026")); // …
    m_moreButton->setMenu(m_moreMenu);
    connect(m_moreMenu, &QMenu::aboutToShow, this, &PlayerSourceBar::fillMoreMenu);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_label);
    layout->addWidget(m_switcher);
    layout->addStretch(1);
    layout->addWidget(m_downloadButton);
    layout->addWidget(m_browserButton);
    layout->addWidget(m_systemPlayerButton);
    layout->addWidget(m_followUpButton);
    layout->addWidget(m_moreButton);

    connect(m_switcher, &QComboBox::currentIndexChanged, this, [this](int row) {
        if (row < 0 || row >= m_sources.size()) {
            return;
        }
        m_current = row;
        updateButtons();
        Q_EMIT sourceChosen();
    });
    connect(m_downloadButton, &QToolButton::clicked, this, &PlayerSourceBar::downloadClicked);
    connect(m_browserButton, &QToolButton::clicked, this, &PlayerSourceBar::openInBrowserClicked);
    connect(m_systemPlayerButton, &QToolButton::clicked, this,
            &PlayerSourceBar::openWithSystemPlayerClicked);
    retranslateUi();
    updateButtons();
}

void PlayerSourceBar::setSources(const QList<MediaSource> &sources, int current)
{
    m_sources = sources;
    m_current = current;
    const QSignalBlocker blocker(m_switcher);
    m_switcher->clear();
    for (const MediaSource &source : std::as_const(m_sources)) {
        m_switcher->addItem(source.label());
    }
    m_switcher->setCurrentIndex(m_current);
    updateButtons();
}

std::optional<MediaSource> PlayerSourceBar::currentSource() const
{
    if (m_current < 0 || m_current >= m_sources.size()) {
        return std::nullopt;
    }
    return m_sources.at(m_current);
}

bool PlayerSourceBar::select(MediaKind kind, int index)
{
    for (qsizetype i = 0; i < m_sources.size(); ++i) {
        if (m_sources.at(i).kind == kind && m_sources.at(i).index == index) {
            {
                const QSignalBlocker blocker(m_switcher);
                m_switcher->setCurrentIndex(static_cast<int>(i));
            }
            m_current = static_cast<int>(i);
            updateButtons();
            return true;
        }
    }
    return false;
}

void PlayerSourceBar::setFollowUpMenu(QMenu *menu)
{
    m_followUpButton->setMenu(menu);
    fitRow();
}

void PlayerSourceBar::updateButtons()
{
    const std::optional<MediaSource> source = currentSource();
    m_browserButton->setEnabled(source.has_value());
    m_systemPlayerButton->setEnabled(source.has_value());
    fitRow();
}

void PlayerSourceBar::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslateUi();
    }
    QWidget::changeEvent(event);
}

void PlayerSourceBar::retranslateUi()
{
    //: Label before the player's source switcher (Result, Origin, Full)
    m_label->setText(QCoreApplication::translate("veo::PlayerPane", "&Video:"));
    //: Accessible name of the switcher between a task's videos (result, origin, full)
    m_switcher->setAccessibleName(QCoreApplication::translate("veo::PlayerPane", "Video source"));
    //: Tooltip of the switcher between a task's videos
    m_switcher->setToolTip(
        QCoreApplication::translate("veo::PlayerPane", "Which of the task's videos to play"));
    for (qsizetype i = 0; i < m_sources.size(); ++i) {
        m_switcher->setItemText(static_cast<int>(i), m_sources.at(i).label());
    }
    //: Player button: downloads the video being shown
    const QString download = QCoreApplication::translate("veo::PlayerPane", "Download");
    m_downloadButton->setText(download);
    m_downloadButton->setAccessibleName(download);
    m_downloadButton->setToolTip(QCoreApplication::translate(
        "veo::PlayerPane", "Save this video to the download folder; it then plays from disk"));
    //: Player button: opens the video's web address in the default browser
    const QString browser = QCoreApplication::translate("veo::PlayerPane", "Open in browser");
    //: Player button, short form of "Open in browser" for a narrow pane
    m_browserTexts = {browser, QCoreApplication::translate("veo::PlayerPane", "Browser")};
    m_browserButton->setAccessibleName(browser);
    //: Tooltip of "Open in browser"
    m_browserButton->setToolTip(QCoreApplication::translate(
        "veo::PlayerPane", "Open the video's web address in your browser"));
    //: Player button: opens the video (the downloaded file, else its address) in the
    //: desktop's default video player
    const QString systemPlayer =
        QCoreApplication::translate("veo::PlayerPane", "Open with system player");
    //: Player button, short form of "Open with system player" for a narrow pane
    m_systemPlayerTexts = {systemPlayer,
                           QCoreApplication::translate("veo::PlayerPane", "System Player")};
    m_systemPlayerButton->setAccessibleName(systemPlayer);
    //: Tooltip of "Open with system player"
    m_systemPlayerButton->setToolTip(QCoreApplication::translate(
        "veo::PlayerPane", "Play the video in your desktop's video player (the downloaded file "
                           "when there is one)"));
    //: Player button opening Get 1080P, Get 4K and Extend for the task shown
    const QString followUp = QCoreApplication::translate("veo::PlayerPane", "Upgrade and Extend");
    //: Player button, short form of "Upgrade and Extend" for a narrow pane
    m_followUpTexts = {followUp, QCoreApplication::translate("veo::PlayerPane", "Upgrade")};
    m_followUpButton->setAccessibleName(followUp);
    m_followUpButton->setToolTip(QCoreApplication::translate(
        "veo::PlayerPane", "Get the 1080P or 4K version of this video, or extend it"));
    //: Player button "…" holding the buttons that do not fit in a narrow pane
    const QString more = QCoreApplication::translate("veo::PlayerPane", "More actions");
    m_moreButton->setAccessibleName(more);
    m_moreButton->setToolTip(more);
    fitRow();
}

void PlayerSourceBar::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    fitRow();
}

QSize PlayerSourceBar::minimumSizeHint() const
{
    const auto *row = static_cast<const QBoxLayout *>(layout());
    const QMargins margins = row->contentsMargins();
    const int width = m_label->minimumSizeHint().width() + m_switcher->minimumSizeHint().width() +
                      m_moreButton->sizeHint().width() + 2 * row->spacing() + margins.left() +
                      margins.right();
    return {width, QWidget::minimumSizeHint().height()};
}

QList<QToolButton *> PlayerSourceBar::offeredButtons() const
{
    QList<QToolButton *> buttons;
    if (const std::optional<MediaSource> source = currentSource(); source && !source->isLocal()) {
        buttons.append(m_downloadButton);
    }
    buttons.append({m_browserButton, m_systemPlayerButton});
    if (m_followUpButton->menu()) {
        buttons.append(m_followUpButton);
    }
    return buttons;
}

void PlayerSourceBar::fitRow()
{
    const std::pair<QToolButton *, const QStringList *> texts[] = {
        {m_browserButton, &m_browserTexts},
        {m_systemPlayerButton, &m_systemPlayerTexts},
        {m_followUpButton, &m_followUpTexts}};
    if (m_fitting || m_followUpTexts.size() != 2) {
        return; // before retranslateUi()
    }
    m_fitting = true;
    const auto fits = [this] {
        layout()->invalidate(); // the cached hint may predate these texts or a button shown
        return width() >= layout()->minimumSize().width();
    };
    const auto useTexts = [&texts](int which) {
        for (const auto &[button, pair] : texts) {
            button->setText(pair->at(which));
        }
    };
    const QList<QToolButton *> offered = offeredButtons();
    for (QToolButton *button :
         {m_downloadButton, m_browserButton, m_systemPlayerButton, m_followUpButton}) {
        button->setVisible(offered.contains(button));
    }
    m_moreButton->hide();
    useTexts(0);
    m_downloadButton->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    if (!fits()) {
        useTexts(1);
        if (!fits()) {
            m_downloadButton->setToolButtonStyle(Qt::ToolButtonIconOnly); // its tooltip says it
            for (auto it = offered.crbegin(); it != offered.crend() && !fits(); ++it) {
                (*it)->hide();
                m_moreButton->show();
            }
        }
    }
    m_fitting = false;
}

void PlayerSourceBar::fillMoreMenu()
{
    m_moreMenu->clear();
    for (QToolButton *button : offeredButtons()) {
        if (!button->isHidden()) {
            continue;
        }
        QAction *action = m_moreMenu->addAction(button->icon(), button->accessibleName());
        action->setToolTip(button->toolTip());
        action->setEnabled(button->isEnabled());
        if (QMenu *menu = button->menu()) {
            action->setMenu(menu); // not owned: the follow-up menu is the pane's
        } else {
            connect(action, &QAction::triggered, button, &QToolButton::click);
        }
    }
}

} // namespace veo
