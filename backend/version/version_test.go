package version

import "testing"

func TestResolve(t *testing.T) {
	none := func() (string, bool) { return "", false }
	clean := func() (string, bool) { return "0123456789abcdef0123", false }
	dirty := func() (string, bool) { return "0123456789abcdef0123", true }
	cases := []struct {
		name, linked string
		stamp        stampFunc
		want         string
	}{
		{"tag", "v0.9.0", none, "v0.9.0"},
		{"after tag", "v0.9.0-3-gabcdef1-dirty", clean, "v0.9.0-3-gabcdef1-dirty"},
		{"bare hash from an old Makefile", "6140e34", none, "v0.0.0-6140e34"},
		{"no link, vcs stamp", "", clean, "v0.0.0-0123456789ab"},
		{"no link, modified tree", "", dirty, "v0.0.0-0123456789ab-dirty"},
		{"nothing known", " ", none, "v0.0.0-dev"},
	}
	for _, c := range cases {
		if got := resolve(c.linked, c.stamp); got != c.want {
			t.Errorf("%s: resolve(%q) = %q, want %q", c.name, c.linked, got, c.want)
		}
	}
}
