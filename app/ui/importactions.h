#pragma once

#include "taskimporter.h"

#include <QObject>
#include <QPointer>
#include <QStringList>

class QAction;
class QProgressDialog;
class QThread;
class QWidget;

namespace veo {

class Engine;
class TaskListPane;

// File → Import Tasks… and files dropped on the window: the task IDs in CSV, JSON or text
// files (core/taskimport; the same as `--import`) added through the engine, keys by label.
// A file is read off the UI thread and its tasks are added a slice per event-loop turn, with
// progress for long ones; a message box reports what was added, already tracked or left out.
class ImportActions final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ImportActions)

public:
    ImportActions(Engine *engine, TaskListPane *list, QWidget *window);
    ~ImportActions() override;

    QAction *importTasks() const { return m_import; }
    void retranslate();
    // Imports these files one after the other (more may be queued while one runs).
    void importFiles(const QStringList &paths);
    // Whether a dropped file is one to import (.csv, .json, .txt, .tsv).
    static bool isImportable(const QString &path);

private:
    void run();
    void startNext();
    void read(const QString &path);
    void addSlice();
    void finish();

    Engine *m_engine;
    TaskListPane *m_list;
    QWidget *m_window;
    QAction *m_import;
    QStringList m_queue;
    // The file being imported.
    QString m_path;
    QThread *m_reader = nullptr;
    TaskImport m_file;
    qsizetype m_next = 0; // the first task of m_file not added yet
    ImportOutcome m_outcome;
    QPointer<QProgressDialog> m_progress;
};

} // namespace veo
