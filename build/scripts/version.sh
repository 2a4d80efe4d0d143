#!/usr/bin/env bash
# Prints the build's version: `git describe` of the newest reachable v0.x.y tag
# (v0.9.0, or v0.9.0-3-gabc1234 after it), or v0.0.0-<commit> when no tag is
# reachable (a shallow clone), or v0.0.0-dev outside git. "-dirty" marks a
# modified tree. The Makefile links it into backend/version.
set -u
cd "$(dirname "$0")/../.." || exit 1
if v=$(git describe --tags --match 'v[0-9]*.[0-9]*.[0-9]*' --dirty 2>/dev/null); then
  echo "$v"
elif rev=$(git rev-parse --short=12 HEAD 2>/dev/null); then
  dirty=""
  git diff --quiet HEAD -- 2>/dev/null || dirty="-dirty"
  echo "v0.0.0-$rev$dirty"
else
  echo "v0.0.0-dev"
fi
