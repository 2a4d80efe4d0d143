package push

import (
	"strings"
	"unicode"
)

// Title search runs on FTS5 with the unicode61 tokenizer, which keeps a run
// of Chinese characters as one token: "报销审批通知" would only match
// itself. So Go writes the tokens. A title is indexed twice:
//
//   - uni: every CJK character its own token ("报 销 审 批 通 知"), for
//     one-character queries;
//   - bi: the overlapping pairs of each CJK run ("报销 销审 审批 批通 通知"),
//     a lone character as itself.
//
// A query word with two or more CJK characters in a row becomes a phrase of
// its pairs in bi: any substring matches, and a pair's posting list is far
// shorter than a character's (at a million rows, 报销 took 360 ms as a
// phrase of characters). Other words are phrases in uni. Latin words stay
// whole in both, the last one of a query word matching as a prefix. (The
// trigram tokenizer cannot match queries shorter than three characters,
// and 审批 is two.)

// isCJK reports whether r is written without spaces between words.
func isCJK(r rune) bool {
	return unicode.Is(unicode.Han, r) || unicode.Is(unicode.Hiragana, r) ||
		unicode.Is(unicode.Katakana, r) || unicode.Is(unicode.Hangul, r)
}

// segments splits s into CJK runs and the text between them.
func segments(s string, each func(text string, cjk bool)) {
	rs := []rune(s)
	for i := 0; i < len(rs); {
		j, cjk := i, isCJK(rs[i])
		for j < len(rs) && isCJK(rs[j]) == cjk {
			j++
		}
		each(string(rs[i:j]), cjk)
		i = j
	}
}

// unigrams spaces out every CJK character.
func unigrams(s string) string {
	var b strings.Builder
	segments(s, func(text string, cjk bool) {
		if !cjk {
			b.WriteString(text)
			return
		}
		for _, r := range text {
			b.WriteByte(' ')
			b.WriteRune(r)
			b.WriteByte(' ')
		}
	})
	return b.String()
}

// bigrams writes each CJK run as its overlapping pairs.
func bigrams(s string) string {
	var b strings.Builder
	segments(s, func(text string, cjk bool) {
		if !cjk {
			b.WriteString(text)
			return
		}
		rs := []rune(text)
		if len(rs) == 1 {
			b.WriteString(" " + text + " ")
			return
		}
		for i := 0; i+1 < len(rs); i++ {
			b.WriteString(" " + string(rs[i:i+2]) + " ")
		}
	})
	return b.String()
}

// longestCJKRun is the length of the longest run of CJK characters in s.
func longestCJKRun(s string) int {
	best := 0
	segments(s, func(text string, cjk bool) {
		if n := len([]rune(text)); cjk && n > best {
			best = n
		}
	})
	return best
}

// matchQuery turns what the admin typed into an FTS5 MATCH expression: each
// space-separated word must occur (as a phrase). "" means nothing
// searchable was typed.
func matchQuery(q string) string {
	var parts []string
	for _, w := range strings.Fields(q) {
		hasToken := false
		for _, r := range w {
			hasToken = hasToken || unicode.IsLetter(r) || unicode.IsNumber(r)
		}
		if !hasToken {
			continue
		}
		col, terms := "uni", unigrams(w)
		if longestCJKRun(w) >= 2 {
			col, terms = "bi", bigrams(w)
		}
		phrase := col + `:"` + strings.ReplaceAll(terms, `"`, `""`) + `"`
		rs := []rune(w)
		if last := rs[len(rs)-1]; !isCJK(last) && (unicode.IsLetter(last) || unicode.IsNumber(last)) {
			phrase += "*"
		}
		parts = append(parts, phrase)
	}
	return strings.Join(parts, " AND ")
}
