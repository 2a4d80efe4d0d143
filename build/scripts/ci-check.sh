#!/usr/bin/env bash
# make ci-check: checks the artifacts `make dist` put in dist/.
#  - SHA256SUMS matches every artifact;
#  - the .tar.gz holds the binary, the .desktop file and the icon;
#  - the .deb declares WebKitGTK 4.1, installs (apt resolves its dependencies),
#    and its /usr/bin/wecom-bridge runs `version`; then it is removed again;
#  - the Windows .exe starts under Wine: `version` prints the release version
#    and `serve` answers /api/health. The window itself needs Microsoft Edge
#    WebView2, which Wine does not have, so the desktop window is not checked.
# Needs: wine64 (Debian), binutils-mingw-w64-x86-64 (for the DLL below), root or sudo for the .deb.
set -euo pipefail
cd "$(dirname "$0")/../.."
SUDO=$([ "$(id -u)" = 0 ] || echo sudo)
shopt -s nullglob
exe=(dist/wecom-bridge-*-windows-amd64.exe) deb=(dist/wecom-bridge_*_amd64.deb) tgz=(dist/wecom-bridge-*-linux-amd64.tar.gz)
setup=(dist/wecom-bridge-*-windows-amd64-setup.exe)
if [ ${#exe[@]} != 1 ] || [ ${#deb[@]} != 1 ] || [ ${#tgz[@]} != 1 ] || [ ${#setup[@]} != 1 ] || [ ! -f dist/SHA256SUMS ]; then
  echo "ci-check: dist/ is incomplete; run make dist first" >&2; ls -l dist >&2 || true; exit 1
fi
fail() { echo "ci-check: $*" >&2; exit 1; }
# The version make dist built (the tree may have changed since: the tests rewrite screenshots).
VERSION=$(basename "${exe[0]}" -windows-amd64.exe)
VERSION=${VERSION#wecom-bridge-}

echo "== SHA256SUMS"
(cd dist && sha256sum --quiet -c SHA256SUMS)

echo "== .tar.gz contents"
listing=$(tar -tzf "${tgz[0]}")
for f in wecom-bridge wecom-bridge.desktop wecom-bridge.png; do
  grep -q "/$f\$" <<<"$listing" || fail "$f missing from ${tgz[0]}"
done

echo "== .deb"
dpkg-deb -f "${deb[0]}" Depends | grep -q 'libwebkit2gtk-4.1-0' || fail ".deb does not depend on libwebkit2gtk-4.1-0"
$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "./${deb[0]}" >/dev/null
out=$(/usr/bin/wecom-bridge version)
echo "$out"
$SUDO dpkg -r wecom-bridge >/dev/null
grep -q "wecom-bridge $VERSION commit" <<<"$out" || fail "the installed binary says '$out', want version $VERSION"

echo "== Windows .exe under Wine"
WINE=$(command -v wine64 || command -v wine || echo /usr/lib/wine/wine64)
[ -x "$WINE" ] || fail "wine64 is not installed (apt-get install wine64)"
export WINEDEBUG=-all WINEPREFIX
WINEPREFIX=$(mktemp -d /tmp/wecom-wine.XXXXXX)
serve_pid=""
cleanup() {
  [ -n "$serve_pid" ] && kill "$serve_pid" 2>/dev/null || true
  (WINEPREFIX=$WINEPREFIX "$(dirname "$WINE")/wineserver64" -k 2>/dev/null || wineserver -k 2>/dev/null) || true
  rm -rf "$WINEPREFIX"
}
trap cleanup EXIT
"$WINE" wineboot --init >/dev/null 2>&1 || true
# Debian's Wine 8.0 lacks bcryptprimitives.dll (ProcessPrng), which every Go
# >= 1.24 Windows program loads at start; Windows 10 and later have it. A
# stand-in built from build/scripts/wine/bcryptprimitives.s goes into this
# throwaway prefix only.
w=build/scripts/wine
tmp=$(mktemp -d)
x86_64-w64-mingw32-dlltool -d "$w/bcrypt.def" -l "$tmp/libbcrypt.a"
x86_64-w64-mingw32-as "$w/bcryptprimitives.s" -o "$tmp/bp.o"
x86_64-w64-mingw32-ld -shared --no-insert-timestamp -e 0 -o "$WINEPREFIX/drive_c/windows/system32/bcryptprimitives.dll" "$tmp/bp.o" "$tmp/libbcrypt.a"
rm -rf "$tmp"
out=$(timeout 300 "$WINE" "${exe[0]}" version | tr -d '\r')
echo "$out"
grep -q "wecom-bridge $VERSION commit" <<<"$out" || fail "wecom-bridge.exe version says '$out', want $VERSION"

port=$(( 20000 + RANDOM % 20000 ))
log=$(mktemp)
timeout 300 "$WINE" "${exe[0]}" serve --addr "127.0.0.1:$port" --data 'C:\wecom-bridge-ci' >"$log" 2>&1 &
serve_pid=$!
health=""
for _ in $(seq 1 120); do
  if health=$(curl -fsS "http://127.0.0.1:$port/api/health" 2>/dev/null); then break; fi
  kill -0 "$serve_pid" 2>/dev/null || break
  sleep 1
done
echo "/api/health: $health"
if ! grep -q '"ok"' <<<"$health"; then
  cat "$log" >&2
  fail "wecom-bridge.exe serve did not answer /api/health"
fi
rm -f "$log"
echo "ci-check: artifacts OK ($VERSION)"
