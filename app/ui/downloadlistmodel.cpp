#include "downloadlistmodel.h"

#include "downloadmanager.h"
#include "postdownloadcommand.h"
#include "taskstatus.h"

#include <QApplication>
#include <QColor>
#include <QDir>
#include <QFileInfo>
#include <QPalette>
#include <algorithm>

namespace veo {

namespace {
QString filePathOf(const Download &d)
{
    return d.filePath.isEmpty() ? d.request.finalPath() : d.filePath;
}
} // namespace

DownloadListModel::DownloadListModel(DownloadManager *manager,
                                     const PostDownloadCommand *afterDownload, QObject *parent)
    : QAbstractTableModel(parent), m_manager(manager), m_afterDownload(afterDownload),
      m_rows(manager->list())
{
    if (afterDownload) {
        connect(afterDownload, &PostDownloadCommand::outcomeChanged, this,
                &DownloadListModel::onCommandChanged);
    }
    connect(manager, &DownloadManager::added, this, &DownloadListModel::onAdded);
    connect(manager, &DownloadManager::changed, this, &DownloadListModel::onChanged);
    connect(manager, &DownloadManager::finished, this, &DownloadListModel::onChanged);
    connect(manager, &DownloadManager::removed, this, &DownloadListModel::onRemoved);
}

int DownloadListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int DownloadListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant DownloadListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid)) {
        return {};
    }
    const Download &d = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case FileColumn:
            return QFileInfo(filePathOf(d)).fileName();
        case ProgressColumn:
            return d.progressText();
        case SpeedColumn:
            return d.speedText();
        case RemainingColumn:
            return d.remainingText();
        case StateColumn:
            return stateText(d);
        default:
            return {};
        }
    case Qt::ToolTipRole:
        switch (index.column()) {
        case FileColumn:
            //: Tooltip of a download: where the file goes and which task it belongs to
            return tr("%1\nTask %2").arg(QDir::toNativeSeparators(filePathOf(d)), d.request.taskId);
        case StateColumn:
            return stateToolTip(d);
        default:
            return {};
        }
    case Qt::ForegroundRole:
        if (index.column() == StateColumn &&
            (d.state == DownloadState::Failed || commandFailed(d.id))) {
            return QColor(QLatin1String(FailureColorName));
        }
        if (d.state == DownloadState::Cancelled) {
            return QApplication::palette().color(QPalette::Disabled, QPalette::Text);
        }
        return {};
    case IdRole:
        return d.id;
    case StateRole:
        return int(d.state);
    case PercentRole:
        return d.percent();
    case FilePathRole:
        return filePathOf(d);
    default:
        return {};
    }
}

QVariant DownloadListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return QAbstractTableModel::headerData(section, orientation, role);
    }
    switch (section) {
    case FileColumn:
        //: Downloads panel column: the file's name
        return tr("File");
    case ProgressColumn:
        //: Downloads panel column: how much is downloaded
        return tr("Progress");
    case SpeedColumn:
        //: Downloads panel column: bytes per second
        return tr("Speed");
    case RemainingColumn:
        //: Downloads panel column: estimated time until the download is complete
        return tr("Time left");
    case StateColumn:
        //: Downloads panel column: queued, downloading, failed (with why)...
        return tr("Status");
    default:
        return {};
    }
}

bool DownloadListModel::commandFailed(int id) const
{
    const auto command = m_afterDownload ? m_afterDownload->outcome(id) : std::nullopt;
    return command && command->isProblem();
}

QString DownloadListModel::stateText(const Download &d) const
{
    if (d.state == DownloadState::Failed) {
        return d.error.text();
    }
    if (const auto command = m_afterDownload ? m_afterDownload->outcome(d.id) : std::nullopt) {
        //: Downloads panel status: %1 "Downloaded", %2 what the command run after it did
        return tr("%1 · %2").arg(d.stateText(), command->text());
    }
    return d.stateText();
}

QVariant DownloadListModel::stateToolTip(const Download &d) const
{
    if (d.state == DownloadState::Failed) {
        return QString(d.error.text() + QLatin1Char('\n') + d.error.advice());
    }
    if (const auto command = m_afterDownload ? m_afterDownload->outcome(d.id) : std::nullopt) {
        return command->toolTip();
    }
    return {};
}

int DownloadListModel::rowOf(int id) const
{
    // Ids grow in queue order, and rows keep that order.
    const auto it = std::lower_bound(m_rows.cbegin(), m_rows.cend(), id,
                                     [](const Download &d, int value) { return d.id < value; });
    return it != m_rows.cend() && it->id == id ? int(it - m_rows.cbegin()) : -1;
}

std::optional<Download> DownloadListModel::downloadAt(int row) const
{
    if (row < 0 || row >= m_rows.size()) {
        return std::nullopt;
    }
    return m_rows.at(row);
}

void DownloadListModel::retranslate()
{
    Q_EMIT headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
    if (!m_rows.isEmpty()) {
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
    }
}

void DownloadListModel::onAdded(int id)
{
    const std::optional<Download> d = m_manager->download(id);
    if (!d || rowOf(id) >= 0) {
        return;
    }
    // Ids grow in queue order, so a new download goes last.
    const int row = int(m_rows.size());
    beginInsertRows({}, row, row);
    m_rows.append(*d);
    endInsertRows();
    Q_EMIT statesChanged();
}

void DownloadListModel::onChanged(int id)
{
    const int row = rowOf(id);
    const std::optional<Download> d = m_manager->download(id);
    if (row < 0 || !d) {
        return;
    }
    const bool stateChanged = m_rows.at(row).state != d->state;
    m_rows[row] = *d;
    Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
    if (stateChanged) {
        Q_EMIT statesChanged();
    }
}

void DownloadListModel::onCommandChanged(int id)
{
    if (const int row = rowOf(id); row >= 0) {
        Q_EMIT dataChanged(index(row, StateColumn), index(row, StateColumn));
    }
}

void DownloadListModel::onRemoved(int id)
{
    const int row = rowOf(id);
    if (row >= 0) {
        beginRemoveRows({}, row, row);
        m_rows.removeAt(row);
        endRemoveRows();
        Q_EMIT statesChanged();
    }
}

} // namespace veo
