#include "taskdetailspane.h"

#include "desktopfiles.h"
#include "taskexpiry.h"
#include "tasktext.h"

#include <QApplication>
#include <QClipboard>
#include <QDesktopServices>
#include <QDir>
#include <QEvent>
#include <QFontDatabase>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QJsonDocument>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QUrl>
#include <QVBoxLayout>
#include <algorithm>

namespace veo {

namespace {
QString formatTime(const QDateTime &dt)
{
    return dt.isValid() ? QLocale().toString(dt.toLocalTime(), QLocale::LongFormat) : QString();
}

QString prettyJson(const QString &json)
{
    const QJsonDocument doc = QJsonDocument::fromJson(json.toUtf8());
    return doc.isNull() ? json : QString::fromUtf8(doc.toJson(QJsonDocument::Indented)).trimmed();
}
} // namespace

TaskDetailsPane::TaskDetailsPane(QWidget *parent)
    : QScrollArea(parent), m_content(new QWidget), m_form(new QFormLayout(m_content))
{
    setWidgetResizable(true);
    setFrameShape(QFrame::NoFrame);
    m_form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    // Labels above their values: the pane is narrow and task IDs and URLs are long.
    m_form->setRowWrapPolicy(QFormLayout::WrapAllRows);
    m_form->setVerticalSpacing(4);
    setWidget(m_content);
    rebuild();
}

void TaskDetailsPane::showTask(const std::optional<TaskRecord> &task, int selectedCount)
{
    if (task == m_task && selectedCount == m_selectedCount) {
        return; // no flicker on refreshes that changed nothing
    }
    m_task = task;
    m_selectedCount = selectedCount;
    rebuild();
}

void TaskDetailsPane::setLocalFileProvider(LocalFileProvider provider)
{
    m_localFile = std::move(provider);
    rebuild();
}

void TaskDetailsPane::setKeyLabelProvider(std::function<QString(const QString &)> provider)
{
    m_keyLabel = std::move(provider);
    rebuild();
}

void TaskDetailsPane::setParamJsonProvider(std::function<QString(const QString &)> provider)
{
    m_paramJson = std::move(provider);
    rebuild();
}

void TaskDetailsPane::setStatusTextProvider(std::function<QString(const TaskRecord &)> provider)
{
    m_statusText = std::move(provider);
    refreshStatus();
}

void TaskDetailsPane::refreshStatus()
{
    if (m_task && m_statusField) {
        if (const QString text = statusOf(*m_task); text != m_statusField->text()) {
            m_statusField->setText(text);
        }
    }
}

QString TaskDetailsPane::statusOf(const TaskRecord &task) const
{
    return m_statusText ? m_statusText(task) : statusText(task.status, task.successFlag);
}

void TaskDetailsPane::setFollowUpMenu(QMenu *menu)
{
    m_followUpMenu = menu;
    rebuild();
}

void TaskDetailsPane::refresh()
{
    rebuild();
}

void TaskDetailsPane::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        rebuild();
    }
    QScrollArea::changeEvent(event);
}

QLabel *TaskDetailsPane::caption(const QString &text)
{
    auto *label = new QLabel(text, m_content);
    QFont font = label->font();
    font.setBold(true);
    label->setFont(font);
    return label;
}

QLabel *TaskDetailsPane::addRow(const QString &label, const QString &value)
{
    if (value.isEmpty()) {
        return nullptr;
    }
    auto *field = new QLabel(value, m_content);
    field->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    field->setWordWrap(true);
    field->setTextFormat(Qt::PlainText);
    m_form->addRow(caption(label), field);
    return field;
}

void TaskDetailsPane::addUrlRows(const QString &label, const QStringList &urls, MediaKind kind,
                                 const QList<MediaSource> &sources)
{
    for (qsizetype i = 0; i < urls.size(); ++i) {
        const QString url = urls.at(i);
        // The link on its own line and its buttons below it, so that the pane stays as narrow as
        // the buttons (the player's side of a 1024-pixel window) without scrolling sideways.
        auto *row = new QWidget(m_content);
        auto *rowLayout = new QVBoxLayout(row);
        rowLayout->setContentsMargins(0, 0, 0, 0);
        rowLayout->setSpacing(2);
        auto *layout = new QHBoxLayout;
        const int index = int(i);
        const auto source = std::find_if(sources.cbegin(), sources.cend(), [&](const auto &s) {
            return s.kind == kind && s.index == index;
        });
        const QString local = source != sources.cend() ? source->localPath : QString();
        // A link KIE no longer serves (its videos are deleted after 14 days) says so.
        const bool dead = m_linksExpired && local.isEmpty();
        auto *text = new QLabel(row);
        text->setTextFormat(Qt::PlainText);
        //: Details pane: a video link after KIE deleted the video (14 days)
        text->setText(dead ? tr("%1 (expired)").arg(url) : url);
        text->setToolTip(url);
        text->setEnabled(!dead);
        text->setTextInteractionFlags(Qt::TextSelectableByMouse);
        text->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
        rowLayout->addWidget(text);
        rowLayout->addLayout(layout);
        auto *copy = new QPushButton(tr("Copy"), row);
        copy->setAccessibleName(tr("Copy link"));
        auto *open = new QPushButton(tr("Open"), row);
        open->setAccessibleName(tr("Open link in browser"));
        connect(copy, &QPushButton::clicked, this, [this, url] {
            QApplication::clipboard()->setText(url);
            Q_EMIT copied(url);
        });
        connect(open, &QPushButton::clicked, this,
                [url] { QDesktopServices::openUrl(QUrl(url, QUrl::StrictMode)); });
        open->setEnabled(!dead);
        layout->addWidget(copy);
        layout->addWidget(open);
        if (!local.isEmpty()) {
            //: Details pane button: show the downloaded video in the file manager
            auto *show = new QPushButton(tr("Show in Folder"), row);
            show->setToolTip(QDir::toNativeSeparators(local));
            connect(show, &QPushButton::clicked, this, [local] { showInFolder(local); });
            layout->addWidget(show);
        } else if (source != sources.cend()) {
            //: Details pane button: download this video
            auto *download = new QPushButton(tr("Download"), row);
            download->setAccessibleName(tr("Download video"));
            connect(download, &QPushButton::clicked, this, [this, kind, index] {
                if (m_task) {
                    Q_EMIT downloadRequested(m_task->taskId, kind, index);
                }
            });
            layout->addWidget(download);
        }
        layout->addStretch();
        m_form->addRow(
            caption(urls.size() > 1 ? QStringLiteral("%1 %2").arg(label).arg(i + 1) : label), row);
    }
}

void TaskDetailsPane::addBlock(const QString &label, const QString &text, bool monospace)
{
    if (text.isEmpty()) {
        return;
    }
    auto *edit = new QPlainTextEdit(text, m_content);
    edit->setReadOnly(true);
    edit->setAccessibleName(label);
    if (monospace) {
        edit->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
        edit->setLineWrapMode(QPlainTextEdit::NoWrap);
    }
    const int lines = std::clamp(int(text.count(QLatin1Char('\n'))) + 2, 3, 12);
    edit->setFixedHeight(edit->fontMetrics().lineSpacing() * lines + 12);
    m_form->addRow(caption(label), edit);
}

void TaskDetailsPane::rebuild()
{
    while (m_form->rowCount() > 0) {
        m_form->removeRow(0);
    }
    m_statusField = nullptr;
    if (!m_task) {
        auto *hint = new QLabel(m_content);
        hint->setWordWrap(true);
        hint->setAlignment(Qt::AlignCenter);
        hint->setEnabled(false);
        hint->setText(m_selectedCount > 1 ? tr("%n tasks selected.", nullptr, m_selectedCount)
                                          : tr("Select a task to see its details."));
        m_form->addRow(hint);
        return;
    }
    const TaskRecord &t = *m_task;
    if (m_followUpMenu) {
        auto *followUps = new QPushButton(m_content);
        followUps->setObjectName(QStringLiteral("DetailsFollowUpButton"));
        //: Details pane button opening Get 1080P, Get 4K and Extend for this task
        followUps->setText(tr("Upgrade and Extend"));
        followUps->setMenu(m_followUpMenu);
        followUps->setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);
        m_form->addRow(followUps);
    }
    //: Details pane label
    addRow(tr("Task ID"), t.taskId);
    //: Details pane label: status of a task
    m_statusField = addRow(tr("Status"), statusOf(t));
    if (t.lastError.isError()) {
        addRow(tr("Problem"), t.lastError.text());
        addRow(tr("What to do"), t.lastError.advice());
    }
    if (t.errorCode || !t.errorMessage.isEmpty()) {
        addRow(tr("KIE error"),
               t.errorCode ? QStringLiteral("%1 — %2").arg(*t.errorCode).arg(t.errorMessage)
                           : t.errorMessage);
    }
    addBlock(tr("Prompt"), t.prompt, false);
    addRow(tr("Model"), t.model);
    addRow(tr("Aspect ratio"), t.aspectRatio);
    addRow(tr("Resolution"), t.resolution.isEmpty() ? t.requestedResolution : t.resolution);
    addRow(tr("Generation type"), t.generationType);
    addRow(tr("Created"), formatTime(t.createTime));
    addRow(tr("Completed"), formatTime(t.completeTime));
    if (t.fallbackFlag) {
        addRow(tr("Fallback model"), *t.fallbackFlag ? tr("Yes") : tr("No"));
    }
    if (t.cost) {
        //: Details pane label: the credits the task cost (unknown: no row)
        addRow(tr("Cost"), costText(*t.cost));
    }
    // The videos the player and the downloads offer (a repeated or broken URL is not one),
    // with their downloaded files: looked up once for the three lists.
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QList<MediaSource> sources = offeredSources(t, m_localFile, now);
    if (t.status == TaskStatus::Succeeded) {
        if (const QString when = expiryText(t, now); !when.isEmpty()) {
            const QDateTime expiry = videoExpiry(t);
            //: Details pane label: when KIE deletes the task's videos (14 days after they
            //: were made). Value e.g. "in 3 days (Saturday, 12 December 2026 14:02)"
            addRow(tr("Videos expire"),
                   expiry.isValid() && expiry > now
                       ? QStringLiteral("%1 (%2)").arg(when, formatTime(expiry))
                       : when);
        }
    }
    m_linksExpired = videosExpired(t, now);
    addUrlRows(tr("Result"), t.resultUrls, MediaKind::Result, sources);
    addUrlRows(tr("Full result"), t.fullResultUrls, MediaKind::Full, sources);
    addUrlRows(tr("Origin"), t.originUrls, MediaKind::Origin, sources);
    const QString keyLabel = m_keyLabel ? m_keyLabel(t.keyId) : QString();
    QString keyText;
    if (t.findingOwner) {
        //: Details pane: "Try all keys" is still asking each key whether the task is theirs
        keyText = tr("Finding owner (each of your keys is asked)");
    } else if (!keyLabel.isEmpty()) {
        keyText = keyLabel;
    } else if (t.keyId.isEmpty()) {
        keyText = tr("Default");
    } else {
        //: Details pane: the task's key was removed
        keyText = tr("Key removed (right-click the task: Change Key)");
    }
    //: Details pane label: which API key polls this task
    addRow(tr("API key"), keyText);
    addRow(tr("Added"), formatTime(t.addedAt));
    addRow(tr("Last checked"), formatTime(t.lastChecked));
    const QString paramJson =
        t.paramJson.isNull() && m_paramJson ? m_paramJson(t.taskId) : t.paramJson;
    addBlock(tr("Request (paramJson)"), prettyJson(paramJson), true);
    addBlock(tr("Other fields"), prettyJson(QString::fromUtf8(t.extraJson)), true);
}

} // namespace veo
