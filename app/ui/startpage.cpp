#include "startpage.h"

#include "icons.h"

#include <QEvent>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace veo {

namespace {
QLabel *wrappingLabel(QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setWordWrap(true);
    return label;
}
} // namespace

StartPage::StartPage(QWidget *parent)
    : QWidget(parent), m_title(new QLabel(this)), m_next(wrappingLabel(this)),
      m_keyText(wrappingLabel(this)), m_addKey(new QPushButton(this)),
      m_taskText(wrappingLabel(this)), m_addTasks(new QPushButton(this)),
      m_demoText(wrappingLabel(this)), m_switchMode(new QPushButton(this))
{
    setObjectName(QStringLiteral("StartPage"));
    m_addKey->setObjectName(QStringLiteral("StartAddKey"));
    m_addTasks->setObjectName(QStringLiteral("StartAddTasks"));
    m_switchMode->setObjectName(QStringLiteral("StartSwitchMode"));
    m_next->setObjectName(QStringLiteral("StartNextStep"));
    QFont title = m_title->font();
    title.setPointSizeF(title.pointSizeF() * 1.6);
    title.setBold(true);
    m_title->setFont(title);
    m_title->setWordWrap(true);
    m_keyText->setOpenExternalLinks(true);
    m_addKey->setIcon(themedIcon(QStringLiteral("keys")));
    m_addTasks->setIcon(themedIcon(QStringLiteral("add")));
    m_switchMode->setIcon(themedIcon(QStringLiteral("play")));
    connect(m_addKey, &QPushButton::clicked, this, &StartPage::addKeyRequested);
    connect(m_addTasks, &QPushButton::clicked, this, &StartPage::addTasksRequested);
    connect(m_switchMode, &QPushButton::clicked, this, &StartPage::switchModeRequested);

    auto *steps = new QGridLayout;
    steps->setHorizontalSpacing(16);
    steps->setVerticalSpacing(14);
    steps->setColumnStretch(1, 1);
    const QList<std::pair<QPushButton *, QLabel *>> rows{
        {m_addKey, m_keyText}, {m_addTasks, m_taskText}, {m_switchMode, m_demoText}};
    for (int row = 0; row < rows.size(); ++row) {
        steps->addWidget(rows[row].first, row, 0, Qt::AlignTop);
        steps->addWidget(rows[row].second, row, 1, Qt::AlignTop);
    }
    auto *column = new QWidget(this);
    column->setMaximumWidth(720);
    auto *columnLayout = new QVBoxLayout(column);
    columnLayout->addWidget(m_title);
    columnLayout->addWidget(m_next);
    columnLayout->addSpacing(12);
    columnLayout->addLayout(steps);
    // Centred, as wide as the window allows up to a comfortable line length.
    auto *row = new QHBoxLayout;
    row->addStretch(1);
    row->addWidget(column, 10);
    row->addStretch(1);
    auto *layout = new QVBoxLayout(this);
    layout->addStretch(1);
    layout->addLayout(row);
    layout->addStretch(2);
    retranslateUi();
}

void StartPage::setHasKey(bool hasKey)
{
    m_hasKey = hasKey;
    retranslateUi();
}

void StartPage::setDemo(bool demo)
{
    m_demo = demo;
    retranslateUi();
}

void StartPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslateUi();
    }
    QWidget::changeEvent(event);
}

void StartPage::retranslateUi()
{
    m_title->setText(tr("Welcome to Veo Tracker"));
    if (m_demo) {
        m_next->setText(tr("You are in the demo: its sample tasks come from a simulated KIE "
                           "server on this computer. To track your own renders, leave the demo, "
                           "add your KIE API key and paste a task ID."));
    } else if (m_hasKey) {
        m_next->setText(tr("Your API key is ready. Next: paste the ID of a render task, and Veo "
                           "Tracker watches it until its video is ready."));
    } else {
        m_next->setText(tr("Two steps to your first task: add your KIE API key, then paste the "
                           "ID of a render you started. Or look around in the demo first."));
    }
    //: Start page button; once a key exists it opens the same dialog to manage keys
    m_addKey->setText(m_hasKey && !m_demo ? tr("API Keys…") : tr("Add your KIE API key"));
    m_keyText->setText(
        m_hasKey && !m_demo
            ? tr("Done: Veo Tracker has a key to read your tasks with. More keys (personal, "
                 "client) can be added here.")
            : tr("Create one at <a href=\"https://kie.ai/api-key\">kie.ai/api-key</a> and paste "
                 "it in. It is checked with KIE.AI, then kept in the system keyring, never in a "
                 "file."));
    m_addTasks->setText(tr("Paste a task ID"));
    m_taskText->setText(tr("The taskId KIE.AI returned when you started a Veo render (from a "
                           "script, the web or another tool); one or many at once. Each is "
                           "checked until its video is ready, then it plays and downloads."));
    m_switchMode->setText(m_demo ? tr("Leave the demo") : tr("Try the demo"));
    m_demoText->setText(m_demo ? tr("Veo Tracker starts again with your own task list.")
                               : tr("Sample tasks from a simulated KIE server on this computer: "
                                    "no key needed, nothing is sent to KIE. Veo Tracker starts "
                                    "again in demo mode."));
    // The demo has its own key and tasks: the steps are shown for what comes after it.
    m_addKey->setEnabled(!m_demo);
    m_addTasks->setEnabled(!m_demo);
    // The step to take now stands out (Return presses it in the Getting Started dialog).
    m_addKey->setDefault(!m_hasKey && !m_demo);
    m_addTasks->setDefault(m_hasKey && !m_demo);
    m_switchMode->setDefault(m_demo);
}

} // namespace veo
