#!/usr/bin/env bash
# make dist: the release artifacts in dist/ from a clean tree.
#   wecom-bridge-<v>-windows-amd64-setup.exe  NSIS installer (Start menu, uninstall, WebView2 bootstrapper)
#   wecom-bridge-<v>-windows-amd64.exe        the Windows binary alone
#   wecom-bridge-<v>-linux-amd64.tar.gz       binary, .desktop file, icon
#   wecom-bridge_<debv>_amd64.deb             depends on WebKitGTK 4.1
#   SHA256SUMS
# Reproducible where the tools allow (docs/release.md): every timestamp is the
# commit's time (SOURCE_DATE_EPOCH), paths are trimmed, archives are sorted
# with numeric owners. Needs: the Wails CLI, npm packages, makensis (Debian
# nsis), dpkg-deb.
set -euo pipefail
cd "$(dirname "$0")/../.."
export PATH="$(go env GOPATH)/bin:$PATH"

# A release is built from what is committed, nothing else (file modes are
# ignored: wails rewrites its runtime files 0755 or 0644 by umask).
dirty=$(git -c core.fileMode=false status --porcelain --untracked-files=normal)
if [ -n "$dirty" ]; then
  echo "make dist: the tree has uncommitted changes; commit or stash them first:" >&2
  echo "$dirty" >&2
  exit 1
fi
for tool in makensis dpkg-deb wails; do
  command -v "$tool" >/dev/null || { echo "make dist: $tool is missing (apt-get install nsis dpkg; make deps-wails)" >&2; exit 1; }
done

VERSION=$(bash build/scripts/version.sh)
COMMIT=$(git rev-parse HEAD)
export SOURCE_DATE_EPOCH=$(git log -1 --format=%ct)
BUILD_DATE=$(date -u -d "@$SOURCE_DATE_EPOCH" +%Y-%m-%dT%H:%M:%SZ)
# x.y.z for the installer's version resource; Debian's version must start with a digit.
NUMVER=$(echo "$VERSION" | sed -E 's/^v([0-9]+\.[0-9]+\.[0-9]+).*/\1/')
DEBVER=$(echo "${VERSION#v}" | sed -E 's/-([0-9]+)-g/+\1.g/; s/-/./g')
WAILS_VER=$(sed -nE 's/.*"productVersion": *"([^"]+)".*/\1/p' wails.json)
if [ "$WAILS_VER" != "$NUMVER" ]; then
  echo "make dist: note: wails.json productVersion is $WAILS_VER, the tag says $NUMVER (the .exe's file properties show wails.json's)" >&2
fi
PKG=github.com/wailsapp/wails/v2
LDFLAGS="-X wecom-bridge/backend/version.Version=$VERSION -X wecom-bridge/backend/version.Commit=$COMMIT -X wecom-bridge/backend/version.BuildDate=$BUILD_DATE"
WAILS_FLAGS=(-s -m -nosyncgomod -skipbindings -trimpath -ldflags "$LDFLAGS")
echo "== dist $VERSION ($COMMIT, $BUILD_DATE)"

rm -rf dist && mkdir -p dist build/bin
# The bundle only: types are checked by make test (vue-tsc in make build).
(cd frontend && npx vite build --logLevel warn)

echo "== linux/amd64 (cgo, webkit2_41)"
wails build -platform linux/amd64 -tags webkit2_41 "${WAILS_FLAGS[@]}" -o wecom-bridge >/dev/null
echo "== windows/amd64 (pure Go: modernc SQLite, no cgo)"
CGO_ENABLED=0 wails build -platform windows/amd64 "${WAILS_FLAGS[@]}" -o wecom-bridge.exe >/dev/null
cp build/bin/wecom-bridge.exe "dist/wecom-bridge-$VERSION-windows-amd64.exe"

echo "== NSIS installer"
# The WebView2 bootstrapper Wails ships (it installs the runtime when missing).
mkdir -p build/windows/installer/tmp
cp "$(go env GOMODCACHE)/$PKG@$(go list -m -f '{{.Version}}' $PKG)/internal/webview2runtime/MicrosoftEdgeWebview2Setup.exe" \
  build/windows/installer/tmp/
(cd build/windows/installer && makensis -V2 -DARG_WAILS_AMD64_BINARY=../../bin/wecom-bridge.exe \
  -DINFO_PRODUCTVERSION="$NUMVER" project.nsi)
mv build/bin/wecom-bridge-amd64-installer.exe "dist/wecom-bridge-$VERSION-windows-amd64-setup.exe"

stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
icon="$stage/wecom-bridge.png"
convert build/appicon.png -resize 256x256 -strip -define png:exclude-chunks=date,time "$icon" 2>/dev/null || cp build/appicon.png "$icon"

echo "== linux .tar.gz"
t="$stage/wecom-bridge-$VERSION-linux-amd64"
mkdir -p "$t"
install -m 0755 build/bin/wecom-bridge "$t/wecom-bridge"
install -m 0644 build/linux/wecom-bridge.desktop "$t/wecom-bridge.desktop"
install -m 0644 "$icon" "$t/wecom-bridge.png"
install -m 0644 README.md CHANGELOG.md "$t/"
tar --sort=name --mtime="@$SOURCE_DATE_EPOCH" --owner=0 --group=0 --numeric-owner \
  -C "$stage" -cf - "$(basename "$t")" | gzip -n -9 > "dist/wecom-bridge-$VERSION-linux-amd64.tar.gz"

echo "== .deb"
d="$stage/deb"
install -D -m 0755 build/bin/wecom-bridge "$d/usr/bin/wecom-bridge"
install -D -m 0644 build/linux/wecom-bridge.desktop "$d/usr/share/applications/wecom-bridge.desktop"
install -D -m 0644 "$icon" "$d/usr/share/icons/hicolor/256x256/apps/wecom-bridge.png"
install -D -m 0644 CHANGELOG.md "$d/usr/share/doc/wecom-bridge/CHANGELOG.md"
mkdir -p "$d/DEBIAN"
cat > "$d/DEBIAN/control" <<CONTROL
Package: wecom-bridge
Version: $DEBVER
Architecture: amd64
Maintainer: WeCom Bridge <wecom-bridge@users.noreply.github.com>
Installed-Size: $(du -sk --exclude=DEBIAN "$d" | cut -f1)
Depends: libc6, libgtk-3-0, libwebkit2gtk-4.1-0
Section: net
Priority: optional
Description: WeCom Bridge (企微桥): connect your user directory to WeCom
 A desktop app for the IT admin who connects the organisation's own user
 directory with WeCom: import, review bindings, preview and apply syncs,
 route messages. "wecom-bridge serve" offers the same UI in a browser.
CONTROL
find "$d" -exec touch -h -d "@$SOURCE_DATE_EPOCH" {} +
dpkg-deb --root-owner-group -Zxz --build "$d" "dist/wecom-bridge_${DEBVER}_amd64.deb" >/dev/null

(cd dist && sha256sum -- * > SHA256SUMS)
echo "== dist/"
ls -l dist
