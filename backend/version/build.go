package version

// Commit and BuildDate are set at link time by the Makefile (the full commit
// hash, and the commit's time in UTC so the same commit builds the same
// binary); empty in a plain `go build`, where the VCS stamp stands in.
var (
	Commit    = ""
	BuildDate = ""
)

// CommitOrUnknown is the linked commit, else the VCS stamp's, else "unknown".
func CommitOrUnknown() string {
	if Commit != "" {
		return Commit
	}
	if rev, _ := vcsStamp(); rev != "" {
		return rev
	}
	return "unknown"
}

// BuildDateOrUnknown is the linked build date (RFC 3339, UTC), else the VCS stamp's commit time, else "unknown".
func BuildDateOrUnknown() string {
	if BuildDate != "" {
		return BuildDate
	}
	if t := vcsTime(); t != "" {
		return t
	}
	return "unknown"
}
