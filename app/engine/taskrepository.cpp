#include "taskrepository.h"

#include "taskstore.h"

#include <QElapsedTimer>
#include <QSet>
#include <algorithm>

namespace veo {

TaskRepository::TaskRepository(TaskStore *store, std::chrono::milliseconds flushDelay,
                               QObject *parent)
    : TaskFeed(parent), m_store(store), m_flushDelay(flushDelay)
{
    m_flushTimer.setSingleShot(true);
    m_flushTimer.setInterval(flushDelay);
    connect(&m_flushTimer, &QTimer::timeout, this, &TaskRepository::flush);
    m_loadTimer.setSingleShot(true);
    m_loadTimer.setInterval(0);
    connect(&m_loadTimer, &QTimer::timeout, this, [this] {
        if (m_expected < 0) { // a turn of its own, not on top of a step
            makeRoom();
            m_loadTimer.start();
            return;
        }
        if (!loadStep(m_loadStep)) {
            m_loadTimer.start();
        }
    });
}

TaskRepository::~TaskRepository()
{
    flush();
}

void TaskRepository::load()
{
    m_loadTimer.stop();
    m_loading = false;
    m_staged.clear();
    TaskStore::Read read;
    if (m_store) {
        read = m_store->loadAll(TaskStore::Request::Left);
    }
    resetList(std::move(read.tasks));
    Q_EMIT loaded(tasks());
    if (read.failed()) {
        reportPartialRead(read.error);
    }
    Q_EMIT loadFinished();
}

void TaskRepository::loadInSteps(std::chrono::milliseconds step)
{
    m_loadStep = step;
    m_staged.clear();
    resetList();
    m_loading = true;
    m_loadedUpTo = 0;
    m_expected = -1; // counted on the turn after the first part is read (5 ms of 100,000)
    Q_EMIT loaded(tasks());
    if (!loadStep(m_loadStep)) {
        m_loadTimer.start();
    }
}

void TaskRepository::finishLoading()
{
    if (m_loading) {
        m_loadTimer.stop();
        makeRoom();
        loadStep(std::nullopt);
    }
}

bool TaskRepository::loadStep(std::optional<std::chrono::milliseconds> budget)
{
    // Batches small enough to stop close to the budget (at least one a step); what one step
    // read goes out at once.
    constexpr int BatchRows = 256;
    QElapsedTimer spent;
    spent.start();
    const qsizetype first = tasks().size();
    bool done = !m_store;
    QString failure;
    while (!done) {
        TaskStore::Read batch =
            m_store->loadBatch(m_loadedUpTo, BatchRows, TaskStore::Request::Left);
        m_loadedUpTo = batch.last;
        failure = batch.error;
        done = batch.failed() || batch.tasks.size() < BatchRows;
        for (TaskRecord &t : batch.tasks) {
            appendTask(std::move(t));
        }
        if (budget && std::chrono::milliseconds(spent.elapsed()) >= *budget) {
            break;
        }
    }
    if (tasks().size() > first) {
        Q_EMIT loadedMore(tasks().mid(first));
    }
    if (done) {
        m_loading = false;
        if (!failure.isEmpty()) {
            reportPartialRead(failure);
        }
        Q_EMIT loadFinished();
    }
    return done;
}

void TaskRepository::reportPartialRead(const QString &why)
{
    //: %1 = SQLite's reason, e.g. "database disk image is malformed"
    Q_EMIT storeError(tr("Only %n task(s) could be read from the task list: %1. The list "
                         "shows those; nothing was changed in the file. Quit and start Veo "
                         "Tracker again to read it again.",
                         nullptr, count())
                          .arg(why));
}

void TaskRepository::makeRoom()
{
    // Room for all of them at once: growing by doubling copied the list and rehashed its index
    // in one turn (about 50 ms past 65,536 tasks).
    if (m_expected < 0) {
        m_expected = m_store ? m_store->count() : 0;
        if (m_expected > 0) { // reserve(0) would squeeze the index
            reserveList(m_expected);
        }
    }
}

qsizetype TaskRepository::expectedCount() const
{
    return m_loading ? std::max<qsizetype>(m_expected, 0) : 0;
}

const TaskRecord *TaskRepository::task(const QString &taskId) const
{
    const qsizetype at = indexOf(taskId);
    return at < 0 ? nullptr : &tasks().at(at);
}

QString TaskRepository::stagedParamJson(const QString &taskId) const
{
    const auto staged = m_staged.constFind(taskId);
    return staged == m_staged.cend() ? QString() : staged->paramJson;
}

QString TaskRepository::paramJson(const QString &taskId) const
{
    if (!contains(taskId)) {
        return {};
    }
    const QString staged = stagedParamJson(taskId);
    return !staged.isNull() || !m_store ? staged : m_store->paramJson(taskId);
}

void TaskRepository::fillParamJson(QList<TaskRecord> &tasks) const
{
    // Reading every stored request costs about as much as looking up a tenth of them one by
    // one (0.2 s against 2 s for all of 100,000): from a tenth of the list on, one read.
    if (!m_store || tasks.size() * 10 < count()) {
        for (TaskRecord &t : tasks) {
            t.paramJson = paramJson(t.taskId);
        }
        return;
    }
    const QHash<QString, QString> stored = m_store->paramJsons();
    for (TaskRecord &t : tasks) {
        const QString staged = stagedParamJson(t.taskId);
        t.paramJson = staged.isNull() ? stored.value(t.taskId) : staged;
    }
}

std::optional<TaskRecord> TaskRepository::latest(const QString &taskId) const
{
    if (const auto staged = m_staged.constFind(taskId); staged != m_staged.cend()) {
        return staged.value();
    }
    const TaskRecord *current = task(taskId);
    return current ? std::optional(*current) : std::nullopt;
}

QList<TaskRecord> TaskRepository::insert(const QList<TaskRecord> &records)
{
    if (!m_store || records.isEmpty()) {
        return {};
    }
    finishLoading(); // a change goes to the whole list (and one stored, unread, is known)
    QList<TaskRecord> candidates;
    QSet<QString> seen;
    for (const TaskRecord &record : records) {
        if (!record.taskId.isEmpty() && !contains(record.taskId) && !seen.contains(record.taskId)) {
            seen.insert(record.taskId);
            candidates.append(record);
        }
    }
    if (candidates.isEmpty()) {
        return {};
    }
    QList<TaskRecord> added = m_store->insertNew(candidates);
    if (added.isEmpty()) { // they were all new here: the store refused them
        Q_EMIT storeError(
            tr("Could not add %n task(s) to the task database.", nullptr, int(candidates.size())));
        return {};
    }
    for (TaskRecord &record : added) {
        record.paramJson = QString(); // stored: paramJson() reads it
        appendTask(record);
    }
    Q_EMIT inserted(added);
    return added;
}

bool TaskRepository::replace(const QString &oldTaskId, const TaskRecord &record)
{
    finishLoading(); // a change goes to the whole list
    if (!contains(oldTaskId) || contains(record.taskId) || !m_store ||
        !m_store->replace(oldTaskId, record)) {
        Q_EMIT storeError(
            tr("Could not save the new task ID %1 to the task database.").arg(record.taskId));
        return false;
    }
    m_staged.remove(oldTaskId);
    // The placeholder goes, then the task comes at the end: each announced on its own.
    removeListed({oldTaskId});
    TaskRecord task = record;
    task.paramJson = QString(); // stored: paramJson() reads it
    appendTask(task);
    Q_EMIT inserted({task});
    return true;
}

bool TaskRepository::remove(const QStringList &taskIds)
{
    if (taskIds.isEmpty()) {
        return true;
    }
    finishLoading(); // a change goes to the whole list
    const QStringList ids = listedOf(taskIds);
    if (ids.isEmpty()) {
        return true;
    }
    if (!m_store || !m_store->remove(ids)) {
        Q_EMIT storeError(tr("Could not remove tasks from the task database."));
        return false;
    }
    for (const QString &id : ids) {
        m_staged.remove(id);
    }
    removeListed(ids);
    return true;
}

QStringList TaskRepository::update(const QStringList &taskIds,
                                   const std::function<bool(TaskRecord &)> &change,
                                   const QString &failure)
{
    QStringList ids;
    if (!m_store || taskIds.isEmpty()) {
        return ids; // nothing to change: a load in steps goes on
    }
    finishLoading(); // a change goes to the whole list
    flush();         // one committed state to start from
    QList<TaskRecord> changes;
    for (const QString &id : taskIds) {
        if (auto staged = m_staged.find(id); staged != m_staged.end()) {
            // The flush failed: the answer waiting for the next one carries the change (else
            // it would later overwrite it with the old value).
            if (change(staged.value())) {
                ids << id;
            }
            continue;
        }
        if (const TaskRecord *current = task(id)) {
            TaskRecord record = *current;
            if (change(record)) {
                changes.append(record);
            }
        }
    }
    if (changes.isEmpty()) {
        return ids;
    }
    if (!m_store->update(changes)) {
        Q_EMIT storeError(failure); // memory mirrors the store: unchanged too
        return ids;
    }
    apply(changes);
    for (const TaskRecord &record : std::as_const(changes)) {
        ids << record.taskId;
    }
    return ids;
}

void TaskRepository::stage(const TaskRecord &record)
{
    finishLoading(); // a change goes to the whole list
    if (!contains(record.taskId)) {
        return; // removed meanwhile
    }
    m_staged.insert(record.taskId, record);
    if (!m_flushTimer.isActive()) {
        m_flushTimer.start(); // not restarted per answer: a steady stream still commits
    }
}

void TaskRepository::flush()
{
    m_flushTimer.stop();
    if (m_staged.isEmpty() || !m_store) {
        return;
    }
    const QList<TaskRecord> batch = m_staged.values();
    QList<TaskRecord> finishingNow;
    for (const TaskRecord &record : batch) {
        const TaskRecord *before = task(record.taskId);
        if (before && !isFinal(before->status) && isFinal(record.status)) {
            finishingNow.append(record);
        }
    }
    if (!finishingNow.isEmpty()) {
        Q_EMIT finishing(finishingNow);
    }
    if (!m_store->update(batch)) {
        // Memory mirrors the store, so it is not updated either. The answers stay staged and
        // are committed together with the next ones, or by a retry: a final answer is the last
        // one a task gets, so without it nothing would commit it until the app quits. Each try
        // may wait out SQLite's busy timeout (a lock held elsewhere), so the retries back off.
        ++m_failedFlushes;
        const auto retry = std::min<std::chrono::milliseconds>(
            FlushRetryDelay * (1 << std::min(m_failedFlushes - 1, 5)), FlushRetryCap);
        m_flushTimer.start(retry);
        Q_EMIT storeError(tr("Could not save %n task update(s) to the task database.", nullptr,
                             int(batch.size())));
        return;
    }
    if (m_failedFlushes > 0) {
        m_failedFlushes = 0;
        m_flushTimer.setInterval(m_flushDelay);
    }
    m_staged.clear();
    QList<std::pair<QString, TaskStatus>> finished;
    for (const TaskRecord &record : batch) {
        const TaskRecord *before = task(record.taskId);
        if (before && !isFinal(before->status) && isFinal(record.status)) {
            finished.append({record.taskId, record.status});
        }
    }
    apply(batch);
    for (const auto &[id, status] : std::as_const(finished)) {
        Q_EMIT taskFinished(id, status);
    }
}

void TaskRepository::apply(QList<TaskRecord> records)
{
    for (TaskRecord &record : records) {
        record.paramJson = QString(); // stored: paramJson() reads it
        if (const qsizetype at = indexOf(record.taskId); at >= 0) {
            taskAt(at) = record;
        }
    }
    Q_EMIT changed(records);
}

} // namespace veo
