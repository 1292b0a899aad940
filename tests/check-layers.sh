#!/bin/sh
# The layer rules of design.md, checked mechanically on the sources (a ctest):
#  - a layer includes only its own headers and those of the layers below it
#    (core < storage, secrets < net < engine < dbus, ui; fakekie stands alone);
#  - ui never builds or reads network requests and never reads a token; dbus neither, and it
#    has no widgets;
#  - nothing below ui but the model itself includes the table model.
# Usage: check-layers.sh APP_SOURCE_DIR
set -eu
app=${1:?usage: $0 APP_SOURCE_DIR}
cd "$app"
layers="core storage secrets net engine dbus fakekie ui"
allowed() {
  case $1 in
    core) echo "core" ;;
    storage) echo "core storage" ;;
    secrets) echo "core secrets" ;;
    net) echo "core storage net" ;;
    engine) echo "core storage secrets net engine" ;;
    dbus) echo "core storage secrets net engine dbus" ;;
    fakekie) echo "fakekie" ;;
    ui) echo "core storage secrets net engine ui" ;;
  esac
}
layer_of() { # the layer whose folder holds header $1 (empty: a Qt or system header)
  for l in $layers; do [ -f "$l/$1" ] && { echo "$l"; return 0; }; done
  return 0
}
status=0
fail() { echo "check-layers: $*" >&2; status=1; }
for layer in $layers; do
  ok=$(allowed "$layer")
  for file in "$layer"/*.h "$layer"/*.cpp; do
    for header in $(sed -n 's/^#include "\([^"]*\)".*/\1/p' "$file"); do
      target=$(layer_of "$header")
      [ -n "$target" ] || continue
      case " $ok " in *" $target "*) ;; *) fail "$file includes $header from $target, a layer it must not see" ;; esac
    done
  done
done
if grep -n '#include <QNetwork\(Request\|Reply\|AccessManager\)>' ui/*.h ui/*.cpp; then
  fail "ui builds or reads network requests (above); the engine and net do that"
fi
if grep -n 'token(' ui/*.h ui/*.cpp dbus/*.h dbus/*.cpp; then
  fail "ui or dbus reads a token (above); only the engine hands tokens to KieClient"
fi
if grep -n '#include <\(QNetwork\(Request\|Reply\|AccessManager\)\|QtWidgets\|QWidget\|QApplication\)' dbus/*.h dbus/*.cpp; then
  fail "dbus builds network requests or uses widgets (above); it only calls the engine"
fi
for file in $(grep -l '#include "tasktablemodel.h"' */*.h */*.cpp); do
  case $file in ui/*|core/tasktablemodel.cpp|core/taskfilterproxy.cpp) ;; *) fail "$file includes the table model; services read tasks through TaskRepository" ;; esac
done
[ $status -eq 0 ] && echo "check-layers: every layer rule holds"
exit $status
