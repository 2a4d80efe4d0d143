package binding

// Evidence keys: what lets Match relate a local account and a member. Two
// records that share no key (and no decision) never meet in one binding or
// one ambiguous row, and a record's row depends only on the records it is
// linked to, directly or through others. So the records linked to a
// changed member, transitively, can be matched again on their own and give
// the rows the whole corp's match would give them: what a rematch of only
// the touched rows (review.RematchTouched) relies on.
//
// The keys are a superset of what a policy uses (both key pairs, whatever
// KeyPairs says): a larger group is still exact, only a smaller one is not.

// Key kinds: a WeCom userid (or a local account or employee number that may
// equal one, or a userid WeCom's lookups named), a mobile, an email, a name.
const (
	keyUserID = "u\x00"
	keyMobile = "m\x00"
	keyEmail  = "e\x00"
	keyName   = "n\x00"
)

// LocalKeys are the evidence keys of a local account; lk adds the userids
// WeCom's lookups named for its mobile and email.
func LocalKeys(l *Local, lk Lookups) []string {
	keys := make([]string, 0, 7)
	add := func(kind, v string) {
		if v != "" {
			keys = append(keys, kind+v)
		}
	}
	add(keyUserID, foldID(l.Account))
	add(keyUserID, foldID(l.EmployeeNo))
	mobile, email := NormalizeMobile(l.Mobile), NormalizeEmail(l.Email)
	add(keyMobile, mobile)
	add(keyEmail, email)
	add(keyName, NormalizeName(l.Name))
	if u, ok := lk.Mobile[mobile]; ok && mobile != "" {
		add(keyUserID, foldID(u))
	}
	if u, ok := lk.Email[email]; ok && email != "" {
		add(keyUserID, foldID(u))
	}
	return keys
}

// MemberKeys are the evidence keys of a WeCom member.
func MemberKeys(m *Member) []string {
	keys := make([]string, 0, 4)
	for _, k := range [...]string{keyUserID + foldID(m.UserID), keyMobile + NormalizeMobile(m.Mobile),
		keyEmail + NormalizeEmail(m.Email), keyName + NormalizeName(m.Name)} {
		if len(k) > 2 {
			keys = append(keys, k)
		}
	}
	return keys
}
