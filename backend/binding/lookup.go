package binding

import "strings"

// WeCom lookups as a matching key.
//
// Since 2022 WeCom withholds mobile and email from new self-built apps, but
// it still answers who owns one: user/getuserid (by mobile) and
// user/get_userid_by_email. Lookups holds those answers; Match uses them as
// two more key tiers after email, so a local account whose mobile WeCom
// attributes to a member binds to that member (mobile_lookup, 0.98) even
// when the app sees only names. The engine makes no call: the review asks
// WeCom (for the accounts Unsettled lists) and passes the answers in.

// Lookup methods: WeCom said who owns the local account's mobile or email.
const (
	MethodMobileLookup Method = "mobile_lookup"
	MethodEmailLookup  Method = "email_lookup"
)

// Lookups maps a normalised mobile (NormalizeMobile) or email
// (NormalizeEmail) to the userid WeCom says owns it. Values WeCom found no
// owner for are simply absent.
type Lookups struct {
	Mobile map[string]string
	Email  map[string]string
}

// Len is the number of answers held.
func (lk Lookups) Len() int { return len(lk.Mobile) + len(lk.Email) }

// lookupTiers are the key tiers of lk (none when lk is empty).
func (x *matcher) lookupTiers(lk Lookups) []keyTier {
	via := func(answers map[string]string) func(string) []int32 {
		return func(k string) []int32 {
			u, ok := answers[k]
			if !ok {
				return nil
			}
			if m, ok := x.memberByUserID[foldID(u)]; ok && x.mStat[m] == free {
				return x.self[m : m+1 : m+1]
			}
			return nil
		}
	}
	var tiers []keyTier
	if len(lk.Mobile) > 0 {
		tiers = append(tiers, keyTier{MethodMobileLookup, func(l *Local) string { return NormalizeMobile(l.Mobile) }, via(lk.Mobile)})
	}
	if len(lk.Email) > 0 {
		tiers = append(tiers, keyTier{MethodEmailLookup, func(l *Local) string { return NormalizeEmail(l.Email) }, via(lk.Email)})
	}
	return tiers
}

// Unsettled lists the local accounts whose counterpart the keys of this
// match did not settle and that a lookup could still settle: accounts in a
// proposed name or name+department binding, in an ambiguous row (anchor or
// candidate) or unbound, that are not resigned and have a mobile or an
// email. Rows a person decided (confirmed, manual, import, rejected pairs)
// and key bindings are never listed. Input order.
func (r *Result) Unsettled(locals []Local) []int {
	open := make(map[string]bool)
	for i := range r.Proposals {
		p := &r.Proposals[i]
		switch {
		case p.State == StateAmbiguous:
			if p.Account != "" {
				open[p.Account] = true
			}
			for _, c := range p.Candidates {
				if c.Account != "" {
					open[c.Account] = true
				}
			}
		case p.State == StateProposed && p.Method.isName():
			open[p.Account] = true
		}
	}
	for _, a := range r.UnboundLocal {
		open[a] = true
	}
	var out []int
	for i := range locals {
		l := &locals[i]
		if open[l.Account] && !l.Resigned && (NormalizeMobile(l.Mobile) != "" || NormalizeEmail(l.Email) != "") {
			out = append(out, i)
			delete(open, l.Account) // a duplicate account: the first record, as in Match
		}
	}
	return out
}

// MaskMobile keeps the first 3 and last 4 digits of a mobile: 138****1234.
// Screens and reasons show enough to tell two people apart, no more.
func MaskMobile(m string) string {
	n := len(m)
	switch {
	case n == 0:
		return ""
	case n >= 11:
		return m[:3] + "****" + m[n-4:]
	case n > 4:
		return strings.Repeat("*", n-4) + m[n-4:]
	default:
		return "****"
	}
}
