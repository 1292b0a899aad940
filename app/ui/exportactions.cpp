#include "exportactions.h"

#include "engine.h"
#include "taskexport.h"
#include "tasklistpane.h"
#include "taskrepository.h"

#include <QAction>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QMessageBox>
#include <QPushButton>
#include <QSaveFile>
#include <QStandardPaths>

namespace veo {

ExportActions::ExportActions(Engine *engine, TaskListPane *list, QWidget *window)
    : QObject(window), m_engine(engine), m_list(list), m_window(window),
      m_export(new QAction(window))
{
    m_export->setObjectName(QStringLiteral("ExportTasksAction"));
    connect(m_export, &QAction::triggered, this, &ExportActions::run);
    retranslate();
}

void ExportActions::retranslate()
{
    m_export->setText(tr("E&xport Tasks…"));
    m_export->setToolTip(tr("Save the selected tasks, or all, as a CSV or JSON file with every "
                            "field (never a key's secret)"));
}

void ExportActions::run()
{
    const int all = int(m_engine->tasks()->tasks().size());
    if (all == 0) {
        Q_EMIT statusMessage(tr("There are no tasks to export yet."), 6000);
        return;
    }
    QStringList ids = m_list->selectedTaskIds();
    if (ids.size() > 1 && ids.size() < all) {
        QMessageBox ask(QMessageBox::Question, tr("Export Tasks"),
                        tr("Export the %n selected task(s), or all %1?", nullptr, int(ids.size()))
                            .arg(all),
                        QMessageBox::Cancel, m_window);
        QPushButton *selected = ask.addButton(tr("&Selected"), QMessageBox::AcceptRole);
        QPushButton *everything = ask.addButton(tr("&All"), QMessageBox::AcceptRole);
        ask.setDefaultButton(selected);
        ask.exec();
        if (ask.clickedButton() == everything) {
            ids.clear();
        } else if (ask.clickedButton() != selected) {
            return;
        }
    } else {
        ids.clear(); // one selected task is where the cursor happens to be: all of them
    }
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    const QString name = QStringLiteral("veo-tasks-%1.csv")
                             .arg(QDate::currentDate().toString(Qt::ISODate));
    QString selectedFilter;
    QString path = QFileDialog::getSaveFileName(
        m_window, tr("Export Tasks"),
        QDir(QDir(folder).exists() ? folder : QDir::homePath()).filePath(name),
        tr("CSV, for spreadsheets (*.csv);;JSON (*.json)"), &selectedFilter);
    if (path.isEmpty()) {
        return;
    }
    if (QFileInfo(path).suffix().isEmpty()) {
        path += selectedFilter.contains(QLatin1String("*.json")) ? QStringLiteral(".json")
                                                                 : QStringLiteral(".csv");
    }
    exportTo(path, ids);
}

bool ExportActions::exportTo(const QString &path, const QStringList &taskIds)
{
    const QList<ExportedTask> tasks = m_engine->exportTasks(taskIds);
    const QByteArray data = veo::exportTasks(tasks, exportFormatForPath(path));
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(data) != data.size() || !file.commit()) {
        QMessageBox::warning(m_window, tr("Export Tasks"),
                             tr("Could not write %1: %2. Choose another folder or file name.")
                                 .arg(QDir::toNativeSeparators(path), file.errorString()));
        return false;
    }
    Q_EMIT statusMessage(tr("Exported %n task(s) to %1.", nullptr, int(tasks.size()))
                             .arg(QDir::toNativeSeparators(path)),
                         8000);
    return true;
}

} // namespace veo
