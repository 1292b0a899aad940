#include "startguide.h"

#include "engine.h"
#include "keyring.h"
#include "keysdialog.h"
#include "messagebar.h"
#include "startpage.h"

#include <QAbstractItemModel>
#include <QAction>
#include <QDialog>
#include <QDialogButtonBox>
#include <QStackedWidget>
#include <QTimer>
#include <QVBoxLayout>
#include <functional>

namespace veo {

StartGuide::StartGuide(Engine *engine, const QAbstractItemModel *tasks, QWidget *content,
                       QWidget *window)
    : QObject(window), m_engine(engine), m_tasks(tasks), m_demo(engine->isDemo()), m_window(window),
      m_content(content), m_stack(new QStackedWidget(window)), m_page(new StartPage),
      m_gettingStarted(new QAction(window)), m_switchMode(new QAction(window))
{
    m_gettingStarted->setObjectName(QStringLiteral("GettingStartedAction"));
    m_switchMode->setObjectName(QStringLiteral("SwitchModeAction"));
    m_stack->addWidget(content);
    m_stack->addWidget(m_page);
    connectPage(m_page, nullptr);
    connect(m_gettingStarted, &QAction::triggered, this, &StartGuide::showGettingStarted);
    connect(m_switchMode, &QAction::triggered, this,
            [this] { Q_EMIT modeSwitchRequested(!m_demo); });
    if (m_demo) {
        m_demoBar = new MessageBar;
        m_demoBar->setAction(m_switchMode);
    }
    connect(engine->keys(), &KeyRing::stateChanged, this, [this] {
        update();
        onKeyStateChanged();
    });
    for (const auto signal :
         {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved}) {
        connect(tasks, signal, this, &StartGuide::update);
    }
    connect(tasks, &QAbstractItemModel::modelReset, this, &StartGuide::update);
    update();
    // The keys may have been read before the window was connected to them.
    QTimer::singleShot(0, this, &StartGuide::onKeyStateChanged);
}

void StartGuide::update()
{
    const bool start = !m_demo && m_tasks->rowCount() == 0;
    m_page->setHasKey(m_engine->keys()->hasKey());
    m_stack->setCurrentWidget(start ? static_cast<QWidget *>(m_page) : m_content);
}

void StartGuide::connectPage(StartPage *page, QDialog *dialog)
{
    page->setDemo(m_demo);
    page->setHasKey(m_engine->keys()->hasKey());
    // From the dialog, each step closes it first: what it opens takes its place.
    const auto closeThen = [dialog](std::function<void()> then) {
        return [dialog, then] {
            if (dialog) {
                dialog->accept();
            }
            then();
        };
    };
    connect(page, &StartPage::addKeyRequested, this,
            closeThen([this] { showKeys(!m_engine->keys()->hasKey()); }));
    connect(page, &StartPage::addTasksRequested, this,
            closeThen([this] { Q_EMIT addTasksRequested(); }));
    connect(page, &StartPage::switchModeRequested, this,
            closeThen([this] { Q_EMIT modeSwitchRequested(!m_demo); }));
}

void StartGuide::showGettingStarted()
{
    if (m_dialog) {
        m_dialog->raise();
        m_dialog->activateWindow();
        return;
    }
    m_dialog = new QDialog(m_window);
    m_dialog->setObjectName(QStringLiteral("GettingStartedDialog"));
    m_dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_dialog->setWindowTitle(tr("Getting Started"));
    auto *page = new StartPage(m_dialog);
    connectPage(page, m_dialog);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, m_dialog);
    connect(buttons, &QDialogButtonBox::rejected, m_dialog, &QDialog::reject);
    auto *layout = new QVBoxLayout(m_dialog);
    layout->addWidget(page, 1);
    layout->addWidget(buttons);
    m_dialog->resize(720, 480);
    m_dialog->open();
}

void StartGuide::showKeys(bool addPage)
{
    if (m_keysDialog) {
        m_keysDialog->raise();
        m_keysDialog->activateWindow();
    } else {
        m_keysDialog = new KeysDialog(m_engine->keys(), m_engine->credits(), m_window);
        m_keysDialog->setAttribute(Qt::WA_DeleteOnClose);
        m_keysDialog->setTaskCounter([engine = m_engine] { return engine->taskCountsPerKey(); });
        m_keysDialog->setCreditHistory(
            [engine = m_engine](const QString &keyId, const QDateTime &from, const QDateTime &to) {
                return engine->creditHistory(keyId, from, to);
            });
        m_keysDialog->open(); // not exec(): keychain jobs finish while it is open
    }
    if (addPage) {
        m_keysDialog->showAddPage();
    }
}

void StartGuide::onKeyStateChanged()
{
    const KeyRing &keys = *m_engine->keys();
    switch (keys.state()) {
    case KeyRing::State::Loading:
    case KeyRing::State::Ready:
        break;
    case KeyRing::State::NoKey:
        // Without tasks the start page asks for a key; with tasks, none can be read without one.
        if (!m_askedForKey && !m_demo && m_tasks->rowCount() > 0) {
            m_askedForKey = true;
            QTimer::singleShot(0, this, [this] { showKeys(true); });
        }
        break;
    case KeyRing::State::Unavailable:
        Q_EMIT warning(tr("The system keyring cannot be used: %1 Your task history is shown; "
                          "use API Keys… to enter a key for this session.")
                           .arg(keys.lastResult().userMessage()));
        break;
    }
}

void StartGuide::retranslate()
{
    //: Help menu: the steps from a fresh start to a first tracked task
    m_gettingStarted->setText(tr("&Getting Started"));
    m_switchMode->setText(m_demo ? tr("&Leave Demo") : tr("Try the &Demo"));
    m_switchMode->setToolTip(m_demo ? tr("Start Veo Tracker again with your own task list")
                                    : tr("Start Veo Tracker again with sample tasks from a "
                                         "simulated KIE server (no key needed)"));
    if (m_demoBar) {
        m_demoBar->showMessage(
            tr("Demo mode: these sample tasks come from a simulated KIE server on this "
               "computer, and start over at every launch. Nothing is sent to KIE, and your real "
               "task list is not touched."),
            MessageBar::Kind::Info, false);
    }
}

} // namespace veo
