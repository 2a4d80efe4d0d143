// Package version holds the build's version. Release builds get it from the
// Makefile (build/scripts/version.sh: `git describe --tags` of a v0.x.y tag)
// through -ldflags "-X wecom-bridge/backend/version.Version=…".
package version

import (
	"runtime/debug"
	"strings"
)

// Version is set at link time; empty in a plain `go build` / `go run`.
var Version = ""

// Current is the version to show: the link-time one when set, otherwise
// v0.0.0-<commit> from the VCS stamp Go embeds (with -dirty for a modified
// tree), otherwise v0.0.0-dev. It always starts with "v".
func Current() string {
	return resolve(Version, vcsStamp)
}

type stampFunc func() (revision string, modified bool)

func resolve(linked string, stamp stampFunc) string {
	if v := strings.TrimSpace(linked); v != "" {
		if !strings.HasPrefix(v, "v") {
			v = "v0.0.0-" + v
		}
		return v
	}
	rev, modified := stamp()
	if rev == "" {
		return "v0.0.0-dev"
	}
	if len(rev) > 12 {
		rev = rev[:12]
	}
	v := "v0.0.0-" + rev
	if modified {
		v += "-dirty"
	}
	return v
}

func vcsStamp() (string, bool) {
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return "", false
	}
	var rev string
	var modified bool
	for _, s := range info.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.modified":
			modified = s.Value == "true"
		}
	}
	return rev, modified
}

func vcsTime() string {
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return ""
	}
	for _, s := range info.Settings {
		if s.Key == "vcs.time" {
			return s.Value
		}
	}
	return ""
}
