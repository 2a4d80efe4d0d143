// Package actor names who did something, for audit trails and run history.
//
// The app has no user accounts of its own: whoever can open the window (or
// holds the serve token) is an admin. The most honest "who" is therefore the
// way in plus the operating-system account that runs the process, e.g.
// "desktop:alice" or "cli:root". Background jobs use "system:<trigger>".
package actor

import (
	"os"
	"os/user"
	"strings"
)

// Of returns "<mode>:<os user>", or just the mode when no user is known.
func Of(mode string) string {
	if name := osUser(); name != "" {
		return mode + ":" + name
	}
	return mode
}

func osUser() string {
	if u, err := user.Current(); err == nil && u.Username != "" {
		// Windows answers DOMAIN\name; the name alone is what people recognise.
		return u.Username[strings.LastIndex(u.Username, `\`)+1:]
	}
	return os.Getenv("USER")
}
