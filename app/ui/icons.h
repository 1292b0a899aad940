#pragma once

#include <QIcon>
#include <QString>

namespace veo {

// The app's own action icons, resources/icons/actions/<name>.svg: one outline set on a 16x16
// grid, drawn in the placeholder colour #ff00ff only. At paint time the placeholder becomes the
// application palette's colour for the icon mode: WindowText for Normal and Active, the
// Disabled group's WindowText for Disabled, HighlightedText for Selected. Icons are rendered at
// the requested size times the device pixel ratio, so they stay sharp at any scale, and they
// follow palette changes (light/dark) at run time without being created again.
//
// Names: add, remove, refresh, pause, resume, copy, keys, preferences, quit, download,
// downloads, folder, open-file, play, cancel, retry, clear, warning, key-missing.
// An unknown name gives a null icon and a warning.
QIcon themedIcon(const QString &name);

} // namespace veo
