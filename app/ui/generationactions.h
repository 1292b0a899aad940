#pragma once

#include <QObject>

class QAction;
class QWidget;

namespace veo {

class Engine;
struct GenerateOptions;
class TaskListPane;

// Starting generations from the window: New Generation (Ctrl+G, File menu and toolbar; one, or
// one per line), Generate from File (a CSV or JSON batch), Edit and Run on a task (the dialog
// filled from its request); for generations waiting their turn, Pause, Resume and Cancel
// Before Sending; for a generation that KIE refused or whose answer was lost, Send Again
// (warned first when it may be billed twice) and Add Its Task ID. Carried out by the
// engine's Generations.
class GenerationActions final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(GenerationActions)

public:
    GenerationActions(Engine *engine, TaskListPane *list, QWidget *window);

    QAction *newGeneration() const { return m_new; }
    QAction *fromFile() const { return m_fromFile; }
    // Generations in the queue (selected ones): hold back, let go, remove before sending.
    QAction *pause() const { return m_pause; }
    QAction *resume() const { return m_resume; }
    QAction *cancel() const { return m_cancel; }
    QAction *editAndRun() const { return m_rerun; }
    QAction *sendAgain() const { return m_sendAgain; }
    QAction *addTaskId() const { return m_adopt; }
    void retranslate();
    // Enables what applies to the selection.
    void update();

Q_SIGNALS:
    void statusMessage(const QString &text, int timeoutMs);

private:
    // The dialog, filled from options (a task's, or the last values); sourceTaskId: re-run.
    void open(const QString &sourceTaskId);
    QString selectedId() const; // one selected task, else empty
    void resend();
    void adopt();
    void generateFromFile();
    // Sends what the user chose: one generation (sourceTaskId: a re-run), or a batch.
    void send(const QList<GenerateOptions> &generations, const QString &keyId,
              const QString &sourceTaskId);


    Engine *m_engine;
    TaskListPane *m_list;
    QWidget *m_window;
    QAction *m_new;
    QAction *m_fromFile;
    QAction *m_pause;
    QAction *m_resume;
    QAction *m_cancel;
    QAction *m_rerun;
    QAction *m_sendAgain;
    QAction *m_adopt;
};

} // namespace veo
