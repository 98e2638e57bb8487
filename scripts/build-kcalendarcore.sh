#!/usr/bin/env bash
# Builds KDE KCalendarCore 5.103 (Debian 12's source package) against Qt 6, static, into a
# private prefix that later runs reuse. The system's apt sources stay untouched: the deb-src
# lines are derived from the machine's own deb entries into a private apt state directory.
set -euo pipefail

prefix=${1:?usage: build-kcalendarcore.sh PREFIX}
stamp="$prefix/.lotse-kcalendarcore-5.103-qt6"
if [ -f "$stamp" ]; then
    exit 0
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/lotse-kcal.XXXXXX")
trap 'rm -rf "$work"' EXIT
aptdir="$work/apt"
mkdir -p "$aptdir/lists/partial" "$aptdir/sources.list.d"

# deb-src twins of the machine's configured Debian archives (deb822 and one-line formats).
for f in /etc/apt/sources.list.d/*.sources; do
    [ -f "$f" ] || continue
    sed -e 's/^Types:.*/Types: deb-src/' "$f" >"$aptdir/sources.list.d/$(basename "$f")"
done
if [ -f /etc/apt/sources.list ]; then
    grep -E '^deb ' /etc/apt/sources.list | sed -e 's/^deb /deb-src /' >"$aptdir/sources.list.d/lotse-src.list" || true
fi

aptopts=(-o "Dir::Etc::SourceList=/dev/null" -o "Dir::Etc::SourceParts=$aptdir/sources.list.d"
    -o "Dir::State::Lists=$aptdir/lists" -o "Dir::Cache::pkgcache=" -o "Dir::Cache::srcpkgcache="
    -o "APT::Sandbox::User=root")
echo "lotse: fetching the kcalendarcore source package"
apt-get "${aptopts[@]}" update -qq 2>/dev/null
# Debian names the source package after the library's old name, kcalcore.
# Upstream source only: Debian's patch hooks in its packaging helper's ABI manager.
(cd "$work" && apt-get "${aptopts[@]}" source -qq --download-only --only-source kcalcore=5:5.103.0-1 >/dev/null 2>&1 \
    && dpkg-source --skip-patches -x kcalcore_*.dsc >/dev/null 2>&1)
src=$(find "$work" -maxdepth 1 -type d -name 'kcalcore-5.*' | head -n1)
[ -n "$src" ] || { echo "lotse: kcalendarcore source not found" >&2; exit 1; }

echo "lotse: building kcalendarcore (Qt 6, static) into $prefix"
cmake -S "$src" -B "$work/build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DBUILD_WITH_QT6=ON \
    -DQT_MAJOR_VERSION=6 -DBUILD_SHARED_LIBS=OFF -DBUILD_TESTING=OFF -DBUILD_QCH=OFF \
    -DCMAKE_POSITION_INDEPENDENT_CODE=ON -DCMAKE_INSTALL_PREFIX="$prefix" >"$work/configure.log" 2>&1 \
    || { tail -n 40 "$work/configure.log" >&2; exit 1; }
cmake --build "$work/build" -j"$(nproc)" >"$work/build.log" 2>&1 || { tail -n 40 "$work/build.log" >&2; exit 1; }
cmake --install "$work/build" >/dev/null
touch "$stamp"
echo "lotse: kcalendarcore ready in $prefix"
