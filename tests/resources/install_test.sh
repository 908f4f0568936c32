#!/usr/bin/env bash
# `cmake --install` puts the binary, the desktop entry, the AppStream metainfo and the icon where
# a desktop finds them, and the desktop tools accept the entry and the metainfo.
set -euo pipefail
build_dir="$1"
prefix="$(mktemp -d)"
trap 'rm -rf "$prefix"' EXIT
cmake --install "$build_dir" --prefix "$prefix" >/dev/null
for f in bin/podscape \
         share/applications/io.podscape.Podscape.desktop \
         share/metainfo/io.podscape.Podscape.metainfo.xml \
         share/icons/hicolor/scalable/apps/io.podscape.Podscape.svg; do
    [ -e "$prefix/$f" ] || { echo "not installed: $f"; exit 1; }
done
desktop-file-validate "$prefix/share/applications/io.podscape.Podscape.desktop"
appstreamcli validate --no-net --pedantic "$prefix/share/metainfo/io.podscape.Podscape.metainfo.xml"
# The installed binary runs: its command line answers without a display.
"$prefix/bin/podscape" validate "$(dirname "$0")/../../resources/demo" >/dev/null
echo "installed and valid"
