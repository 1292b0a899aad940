#pragma once

#include <QString>

namespace veo {

// A clean close leaves a seal next to the file: the file's size, its modification time (set a
// second back by the close, so that any later write, however soon, changes it) and the time its
// metadata last changed (which no program can set back). A file found as sealed is the one this
// app closed cleanly and skips SQLite's integrity check at open (it reads the whole file: 0.2 s
// for 100,000 tasks); any other is checked.
// The seal is "<path>.clean".

// At a clean close (the last connection gone, its log folded into the file): sets the file's
// modification time a second back and leaves the seal. Nothing when another connection still
// has the file open.
void sealTaskStore(const QString &path);
// Whether the file is exactly as a clean close left it. A seal is used once (removed here): a
// session that ends in a crash leaves none.
bool takeTaskStoreSeal(const QString &path);

} // namespace veo
