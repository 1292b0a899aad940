#!/bin/sh
# Fails when the committed translations do not match the sources (a new, changed or removed
# tr() string), when a zh_CN entry is unfinished, obsolete or empty, or when an English
# plural (%n) entry is unfinished. Never touches the committed files: lupdate runs on copies.
#
# Usage: check-translations.sh LUPDATE SOURCES.lst ZH_CN.ts EN.ts
#   LUPDATE      the lupdate executable (Qt6::lupdate)
#   SOURCES.lst  every source file passed to qt_add_translations, one per line
#                (the VEO_TR_SOURCES global property, written by tests/CMakeLists.txt)
# The lupdate options must stay those of LUPDATE_OPTIONS in app/CMakeLists.txt.
set -u

if [ $# -ne 4 ]; then
    echo "usage: $0 LUPDATE SOURCES.lst ZH_CN.ts EN.ts" >&2
    exit 2
fi
lupdate=$1
sources=$2
zh=$3
en=$4
fix="Run: cmake --build build --target update_translations, then translate the new entries in
translations/veo-tracker_zh_CN.ts (Qt Linguist, or edit the XML: fill <translation>, remove
type=\"unfinished\") and the English plural forms (<numerusform>) of %n messages in
translations/veo-tracker_en.ts."

tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT INT TERM
status=0

# 1. Up to date: lupdate on a copy must leave it byte for byte unchanged.
for ts in "$zh" "$en"; do
    copy="$tmp/$(basename "$ts")"
    cp "$ts" "$copy" || exit 2
    if ! "$lupdate" -silent -no-obsolete -locations none "@$sources" -ts "$copy" >"$tmp/lupdate.log" 2>&1; then
        echo "FAIL: lupdate could not process $ts:"
        cat "$tmp/lupdate.log"
        status=1
        continue
    fi
    if ! cmp -s "$ts" "$copy"; then
        echo "FAIL: $ts is out of date with the sources (lines with + are strings missing from"
        echo "      the .ts file, lines with - are strings no longer in the sources):"
        diff -u "$ts" "$copy" | sed -n '3,80p'
        status=1
    fi
done

# Prints the <source> of every message for which the awk condition `bad` becomes true.
# $1: file, $2: "all" (every message) or "numerus" (only numerus="yes" messages).
list_bad() {
    awk -v scope="$2" '
        /<message/           { inmsg = 1; numerus = ($0 ~ /numerus="yes"/); bad = 0; src = "" }
        inmsg && /<source>/  { s = $0; sub(/.*<source>/, "", s); sub(/<\/source>.*/, "", s); src = s }
        inmsg && /<translation[^>]*type="(unfinished|obsolete|vanished)"/ { bad = 1 }
        inmsg && /<translation><\/translation>|<translation\/>|<numerusform><\/numerusform>/ { bad = 1 }
        /<\/message>/ {
            if (bad && (scope == "all" || numerus)) { print "    " src; n++ }
            inmsg = 0
        }
        END { exit n > 0 }
    ' "$1"
}

# 2. zh_CN: every entry translated, none obsolete or vanished.
if ! out=$(list_bad "$zh" all); then
    echo "FAIL: $zh has unfinished, empty, obsolete or vanished entries:"
    echo "$out"
    status=1
fi

# 3. en: only the plural forms are needed (other entries fall back to the source text).
if ! out=$(list_bad "$en" numerus); then
    echo "FAIL: $en has %n messages without both English plural forms:"
    echo "$out"
    status=1
fi

if [ $status -ne 0 ]; then
    echo
    echo "$fix"
else
    echo "Translations are complete: $(grep -c '<message' "$zh") messages."
fi
exit $status
