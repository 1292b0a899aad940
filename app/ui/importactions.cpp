#include "importactions.h"

#include "engine.h"
#include "tasklistpane.h"

#include <QAction>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QMessageBox>
#include <QProgressDialog>
#include <QStandardPaths>
#include <QThread>
#include <QTimer>

namespace veo {

namespace {

// Tasks added per event-loop turn: one database commit each, and the window stays responsive.
constexpr qsizetype SliceSize = 1000;
// A file that takes longer than this shows a progress dialog.
constexpr int ProgressAfterMs = 500;

} // namespace

ImportActions::ImportActions(Engine *engine, TaskListPane *list, QWidget *window)
    : QObject(window), m_engine(engine), m_list(list), m_window(window),
      m_import(new QAction(window))
{
    m_import->setObjectName(QStringLiteral("ImportTasksAction"));
    connect(m_import, &QAction::triggered, this, &ImportActions::run);
    retranslate();
}

ImportActions::~ImportActions()
{
    if (m_reader) {
        m_reader->wait(); // reading a file ends on its own; its result is dropped
    }
}

void ImportActions::retranslate()
{
    m_import->setText(tr("&Import Tasks…"));
    m_import->setToolTip(tr("Add the task IDs in a CSV, JSON or text file, such as Export Tasks "
                            "writes (keys by their label)"));
}

bool ImportActions::isImportable(const QString &path)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    return suffix == QLatin1String("csv") || suffix == QLatin1String("json") ||
           suffix == QLatin1String("txt") || suffix == QLatin1String("tsv");
}

void ImportActions::run()
{
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    QFileDialog dialog(m_window, tr("Import Tasks"),
                       QDir(folder).exists() ? folder : QDir::homePath(),
                       tr("Task lists (*.csv *.json *.txt *.tsv);;All files (*)"));
    dialog.setObjectName(QStringLiteral("ImportFileDialog"));
    dialog.setFileMode(QFileDialog::ExistingFiles);
    dialog.setAcceptMode(QFileDialog::AcceptOpen);
    if (dialog.exec() == QDialog::Accepted) {
        importFiles(dialog.selectedFiles());
    }
}

void ImportActions::importFiles(const QStringList &paths)
{
    const bool idle = m_path.isEmpty();
    m_queue << paths;
    if (idle) {
        startNext();
    }
}

void ImportActions::startNext()
{
    m_path.clear();
    if (m_queue.isEmpty()) {
        return;
    }
    read(m_queue.takeFirst());
}

void ImportActions::read(const QString &path)
{
    m_path = path;
    m_file = {};
    m_next = 0;
    m_outcome = {};
    m_progress = new QProgressDialog(m_window);
    m_progress->setAttribute(Qt::WA_DeleteOnClose);
    m_progress->setWindowTitle(tr("Import Tasks"));
    m_progress->setLabelText(tr("Reading %1…").arg(QFileInfo(path).fileName()));
    m_progress->setWindowModality(Qt::WindowModal);
    m_progress->setMinimumDuration(ProgressAfterMs);
    m_progress->setRange(0, 0);
    m_progress->setCancelButton(nullptr); // reading cannot be stopped half-way; adding can
    auto error = std::make_shared<QString>();
    auto file = std::make_shared<TaskImport>();
    m_reader = QThread::create([path, error, file] {
        QFile in(path);
        if (!in.open(QIODevice::ReadOnly)) {
            *error = in.errorString();
            return;
        }
        *file = readTaskImport(in.readAll());
    });
    connect(m_reader, &QThread::finished, this, [this, error, file] {
        m_reader->deleteLater();
        m_reader = nullptr;
        const QString why =
            error->isEmpty()
                ? TaskImporter::unreadable(*file, m_path)
                //: Import: %1 = the file, %2 = the system's reason
                : tr("Could not read %1: %2.").arg(QDir::toNativeSeparators(m_path), *error);
        if (!why.isEmpty()) {
            if (m_progress) {
                m_progress->close();
            }
            QMessageBox::warning(m_window, tr("Import Tasks"), why);
            startNext();
            return;
        }
        m_file = std::move(*file);
        if (m_progress) {
            m_progress->setLabelText(
                tr("Adding the tasks of %1…").arg(QFileInfo(m_path).fileName()));
            m_progress->setCancelButtonText(tr("Stop"));
            m_progress->setRange(0, int(m_file.tasks.size()));
        }
        addSlice();
    });
    m_reader->setParent(this);
    m_reader->start();
}

void ImportActions::addSlice()
{
    if (!m_progress || m_progress->wasCanceled()) {
        finish(); // what was added stays; the report says how far it went
        return;
    }
    const QList<ImportedTask> slice = m_file.tasks.mid(m_next, SliceSize);
    const ImportOutcome done = m_engine->importTasks(slice);
    m_outcome.added += done.added;
    m_outcome.known += done.known;
    m_outcome.failed += done.failed;
    if (m_outcome.firstAdded.isEmpty()) {
        m_outcome.firstAdded = done.firstAdded;
    }
    for (const QString &label : done.missingLabels) {
        if (!m_outcome.missingLabels.contains(label)) {
            m_outcome.missingLabels.append(label);
        }
    }
    m_next += slice.size();
    m_progress->setValue(int(m_next));
    if (m_next < m_file.tasks.size()) {
        QTimer::singleShot(0, this, &ImportActions::addSlice);
    } else {
        finish();
    }
}

void ImportActions::finish()
{
    const bool stopped = m_next < m_file.tasks.size();
    if (m_progress) {
        m_progress->close();
    }
    QString text = TaskImporter::report(m_file, m_outcome);
    if (stopped) {
        //: Import: the user pressed Stop; %n = the tasks of the file not added
        text += u'\n' + tr("Stopped: %n task(s) of the file were not added.", nullptr,
                           int(m_file.tasks.size() - m_next));
    }
    const bool clean = !stopped && m_file.skipped.isEmpty() && m_outcome.missingLabels.isEmpty() &&
                       m_outcome.failed == 0;
    auto *box = new QMessageBox(clean ? QMessageBox::Information : QMessageBox::Warning,
                                tr("Import Tasks"), text, QMessageBox::Ok, m_window);
    box->setObjectName(QStringLiteral("ImportReport"));
    box->setInformativeText(QDir::toNativeSeparators(m_path));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
    // The first new task, else the first of the file: where the imported tasks are.
    if (!m_outcome.firstAdded.isEmpty()) {
        m_list->selectTask(m_outcome.firstAdded);
    } else if (!m_file.tasks.isEmpty()) {
        m_list->selectTask(m_file.tasks.constFirst().taskId);
    }
    m_file = {};
    startNext();
}

} // namespace veo
