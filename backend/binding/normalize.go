package binding

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/width"
)

// The normalisers run once per record on 100k+ records, so each has a fast
// path that returns its argument unchanged (no allocation) when it is already
// in normal form, which is the common case for names typed in one system.

// NormalizeName returns the form of a person's or department's name used for
// comparison:
//   - zero-width characters (U+200B–U+200D, U+2060, U+FEFF) removed;
//   - full-width forms folded to their canonical width (ＴＯＭ → TOM, U+3000 →
//     space), as golang.org/x/text/width.Fold does;
//   - the middle-dot variants used in transliterated names (・ • ‧ ･) written
//     as U+00B7 ·, so 阿依古丽·买买提 matches however it was typed;
//   - any run of white space (including U+3000 and NBSP) between two CJK
//     characters dropped, so 王　芳 and 王 芳 (HR systems pad two-character
//     names to the width of three) give 王芳;
//   - any other run of white space folded to one space, and leading and
//     trailing space trimmed;
//   - letters lower-cased.
//
// So "Tom Li", " tom  li " and "ＴＯＭ　ＬＩ" all give "tom li".
func NormalizeName(s string) string {
	if isNormalName(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	space := false
	var last rune // the last rune written
	for _, r := range s {
		if isZeroWidth(r) {
			continue
		}
		r = foldRune(r)
		if unicode.IsSpace(r) {
			space = true
			continue
		}
		r = foldRune(unicode.ToLower(r))
		if space && b.Len() > 0 && !(isCJKScript(last) && isCJKScript(r)) {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(r)
		last = r
	}
	return b.String()
}

// isNormalName reports whether NormalizeName(s) == s, without allocating.
func isNormalName(s string) bool {
	prevSpace := true    // a leading space is not normal
	var beforeSpace rune // the rune before the current space
	var prev rune
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			switch {
			case c == ' ':
				if prevSpace {
					return false
				}
				prevSpace = true
				beforeSpace = prev
			case 'A' <= c && c <= 'Z', c == '\t', c == '\n', c == '\v', c == '\f', c == '\r':
				return false
			default:
				prevSpace = false
			}
			prev = rune(c)
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			return false
		}
		if !isCJK(r) && (isZeroWidth(r) || foldRune(r) != r || unicode.IsSpace(r) || unicode.ToLower(r) != r) {
			return false
		}
		if prevSpace && isCJKScript(beforeSpace) && isCJKScript(r) {
			return false // a space between two CJK characters is dropped
		}
		prevSpace = false
		prev = r
		i += size
	}
	return !prevSpace || len(s) == 0
}

// isCJK covers the CJK Unified Ideographs block, which holds nearly every
// character of a Chinese name and has no width, case or space variants.
func isCJK(r rune) bool { return r >= 0x4E00 && r <= 0x9FFF }

// isCJKScript reports whether r is written without spaces between words in
// a name: Han ideographs (all blocks), kana and Hangul. White space between
// two such characters is padding, not a word break.
func isCJKScript(r rune) bool {
	if r < 0x1100 {
		return false
	}
	return isCJK(r) || unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul)
}

func isZeroWidth(r rune) bool {
	return (r >= 0x200B && r <= 0x200D) || r == 0x2060 || r == 0xFEFF
}

// foldRune folds r to its canonical width and unifies middle dots.
func foldRune(r rune) rune {
	if r < utf8.RuneSelf || isCJK(r) {
		return r
	}
	if f := width.LookupRune(r).Folded(); f != 0 {
		r = f
	}
	switch r {
	case 0x30FB, 0x2022, 0x2027, 0x2219, 0x22C5: // ・ • ‧ ∙ ⋅ (U+FF65 ･ folds to U+30FB)
		return 0x00B7
	}
	return r
}

// NormalizeMobile returns the form of a phone number used for comparison:
// full-width digits folded; spaces, dashes and parentheses removed; and the
// China prefix +86, 0086 or 86 dropped when what follows is an 11-digit
// mobile number. Other numbers keep their prefix (+1 415… stays +1415…).
func NormalizeMobile(s string) string {
	if allDigits(s) && !hasChinaPrefix(s) {
		return s
	}
	buf := make([]byte, 0, len(s))
	for _, r := range s {
		r = foldRune(r)
		switch {
		case unicode.IsSpace(r), isZeroWidth(r), r == '(', r == ')', isDash(r):
			continue
		}
		buf = utf8.AppendRune(buf, r)
	}
	d := string(buf)
	if hasChinaPrefix(d) {
		return d[len(d)-11:]
	}
	return d
}

// hasChinaPrefix reports whether s is +86, 0086 or 86 followed by exactly 11
// digits.
func hasChinaPrefix(s string) bool {
	switch {
	case len(s) == 14 && strings.HasPrefix(s, "+86"),
		len(s) == 15 && strings.HasPrefix(s, "0086"),
		len(s) == 13 && strings.HasPrefix(s, "86"):
		return allDigits(s[len(s)-11:])
	}
	return false
}

func isDash(r rune) bool {
	return r == '-' || (r >= 0x2010 && r <= 0x2015) || r == 0x2212
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return len(s) > 0
}

// NormalizeEmail returns the form of an email address used for comparison:
// trimmed of white space and lower-cased.
func NormalizeEmail(s string) string {
	s = strings.TrimSpace(s)
	if isLowerASCII(s) {
		return s
	}
	return strings.ToLower(s)
}

// foldID is how WeCom compares userids: case-insensitively. The same rule is
// applied to the local account and employee number they are matched with.
func foldID(s string) string {
	s = strings.TrimSpace(s)
	if isLowerASCII(s) {
		return s
	}
	return strings.ToLower(s)
}

func isLowerASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= utf8.RuneSelf || ('A' <= c && c <= 'Z') {
			return false
		}
	}
	return true
}
