#pragma once

#include <QString>

namespace veo {

// Opens a downloaded file with the desktop's default application. False when nothing could
// be asked to open it.
bool openFile(const QString &path);

// Shows the file selected in the desktop's file manager (org.freedesktop.FileManager1 over
// D-Bus, asynchronously); without one, opens the folder that holds it.
void showInFolder(const QString &path);

} // namespace veo
