#pragma once

#include <QString>

namespace veo {

// Where a task stands. Values map KIE's successFlag (0..3); the others are local states.
enum class TaskStatus {
    Pending,          // added, no record-info answer yet (or "record is null" so far)
    Generating,       // successFlag 0
    Succeeded,        // successFlag 1
    Failed,           // successFlag 2
    GenerationFailed, // successFlag 3
    OtherFailure,     // any other successFlag: terminal, the raw value is kept and shown
    Unavailable,      // KIE no longer has (or never had) the record: expired / not found for good
};
inline constexpr int TaskStatusCount = 7;

TaskStatus statusFromSuccessFlag(int successFlag);

// A final task is not polled by the scheduler (only by an explicit "Refresh now").
bool isFinal(TaskStatus status);
bool isFailure(TaskStatus status);

// Translated at call time (context "TaskStatus"); rawFlag is shown for OtherFailure.
QString statusText(TaskStatus status, int rawSuccessFlag = -1);

// Stable, untranslated identifier used in storage, JSON output and the command line.
QString statusKey(TaskStatus status);
TaskStatus statusFromKey(const QString &key, bool *ok = nullptr);

// Text colours for failures and successes: mid tones with about 4:1 contrast on both light
// (#fff) and dark (#1e1e1e) backgrounds, so they work with the system palette either way.
inline constexpr char FailureColorName[] = "#e0443e";
inline constexpr char SuccessColorName[] = "#2f9e44";

} // namespace veo
