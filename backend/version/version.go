// Package version holds the build's version, set by the Makefile through
// -ldflags "-X wecom-bridge/backend/version.Version=…".
package version

// Version is "dev" in untagged builds.
var Version = "dev"
