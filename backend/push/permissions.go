package push

import (
	"fmt"
	"strings"

	"wecom-bridge/backend/configaudit"
)

// EveryoneID is WeCom's touser for every member the app can see.
const EveryoneID = "@all"

// KeyPermissions are what an API key may send to beyond named people. A key
// without them sends to accounts and userids only: a leaked or misused key
// cannot message the whole company or a whole department. They are fixed at
// creation; create another key to change them.
type KeyPermissions struct {
	// All allows to.userids ["@all"]: every member in the app's visible range.
	All bool `json:"all"`
	// Departments allows to.departments: every member of each department (and below).
	Departments bool `json:"departments"`
}

// String lists what the key may send to, for `apikey list`.
func (p KeyPermissions) String() string {
	out := "people"
	if p.Departments {
		out += ", departments"
	}
	if p.All {
		out += ", @all"
	}
	return out
}

// auditEntries record the permissions a new key was given (none: nothing to record).
func (p KeyPermissions) auditEntries(keyID int64) []configaudit.Entry {
	subject := fmt.Sprintf("push.apikey:%d", keyID)
	var out []configaudit.Entry
	if p.All {
		out = append(out, configaudit.Entry{Subject: subject, Action: configaudit.ActionPermissionGiven, Field: "all",
			Note: "API key created with the permission to send to @all"})
	}
	if p.Departments {
		out = append(out, configaudit.Entry{Subject: subject, Action: configaudit.ActionPermissionGiven, Field: "departments",
			Note: "API key created with the permission to send to whole departments"})
	}
	return out
}

// isEveryone reports whether id is WeCom's @all.
func isEveryone(id string) bool { return strings.EqualFold(id, EveryoneID) }

// checkPermissions refuses @all and departments a key was not given (403),
// and an @all mixed with other recipients (400: WeCom would ignore them).
func checkPermissions(c caller, to To) *ValidationError {
	all := -1
	for i, u := range to.UserIDs {
		if isEveryone(u) {
			all = i
			break
		}
	}
	if all >= 0 {
		if !c.inApp && !c.perms.All {
			return &ValidationError{Code: "forbidden_all", Field: fmt.Sprintf("to.userids[%d]", all), status: 403,
				Message: "this API key may not send to @all (everyone in the app's visible range); " +
					"ask the admin for a key created with the \"@all\" permission (Settings → Integrations → API keys)"}
		}
		if to.Count() > 1 {
			return invalid("all_with_others", "to", "@all already reaches everyone the app can see; send it alone, without other recipients")
		}
	}
	if len(to.Departments) > 0 && !c.inApp && !c.perms.Departments {
		return &ValidationError{Code: "forbidden_departments", Field: "to.departments", status: 403,
			Message: "this API key may not send to whole departments; name the people (to.accounts or to.userids), " +
				"or ask the admin for a key created with the \"departments\" permission (Settings → Integrations → API keys)"}
	}
	return nil
}
