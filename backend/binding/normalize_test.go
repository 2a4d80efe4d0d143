package binding

import "testing"

func TestNormalizeName(t *testing.T) {
	cases := []struct{ name, in, want string }{
		{"already normal CJK", "张伟", "张伟"},
		{"empty", "", ""},
		{"only spaces", " \u3000\u00a0\t", ""},
		{"trim ASCII spaces", "  张伟 ", "张伟"},
		{"trim full-width spaces", "\u3000张伟\u3000", "张伟"},
		{"space between CJK dropped", "王 芳", "王芳"},
		{"full-width space between CJK dropped", "王\u3000芳", "王芳"},
		{"run of spaces between CJK dropped", "王 \u3000\u00a0芳", "王芳"},
		{"zero-width and space between CJK dropped", "王\u200b \u3000芳", "王芳"},
		{"padded three-wide and trimmed", "\u3000王\u3000芳\u3000", "王芳"},
		{"spaces in a longer CJK name", "欧阳 娜 娜", "欧阳娜娜"},
		{"extension-B ideograph", "王 \U00020000", "王\U00020000"},
		{"Japanese kana", "やまだ たろう", "やまだたろう"},
		{"CJK then Latin keeps one space", "王芳  Amy", "王芳 amy"},
		{"Latin then CJK keeps one space", "Amy\u3000王芳", "amy 王芳"},
		{"CJK digit CJK keeps spaces", "王 2 芳", "王 2 芳"},
		{"middle dot is not CJK", "阿依古丽 · 买买提", "阿依古丽 · 买买提"},
		{"NBSP folded", "Tom\u00a0Li", "tom li"},
		{"tabs and newlines folded", "\tTom\n Li\r", "tom li"},
		{"run of mixed spaces", "Tom \u3000\u00a0 Li", "tom li"},
		{"Tom Li", "Tom Li", "tom li"},
		{"tom  li", "tom  li", "tom li"},
		{"full-width Latin and space", "ＴＯＭ　ＬＩ", "tom li"},
		{"full-width digits", "张伟２", "张伟2"},
		{"full-width parentheses", "张伟（北京）", "张伟(北京)"},
		{"zero-width space", "张\u200b伟", "张伟"},
		{"zero-width non-joiner", "张\u200c伟", "张伟"},
		{"zero-width joiner", "张\u200d伟", "张伟"},
		{"word joiner", "张\u2060伟", "张伟"},
		{"BOM", "\ufeff张伟", "张伟"},
		{"zero-width between spaces", "Tom \u200b Li", "tom li"},
		{"Latin case", "ZhangWei", "zhangwei"},
		{"Latin with accents", "ÉLODIE Durand", "élodie durand"},
		{"katakana middle dot", "阿依古丽・买买提", "阿依古丽·买买提"},
		{"half-width middle dot", "阿依古丽･买买提", "阿依古丽·买买提"},
		{"bullet as middle dot", "阿依古丽•买买提", "阿依古丽·买买提"},
		{"middle dot kept", "阿依古丽·买买提", "阿依古丽·买买提"},
		{"half-width katakana widened", "ｱｲ", "アイ"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := NormalizeName(c.in)
			if got != c.want {
				t.Fatalf("NormalizeName(%q) = %q, want %q", c.in, got, c.want)
			}
			if again := NormalizeName(got); again != got {
				t.Fatalf("not idempotent: %q -> %q", got, again)
			}
		})
	}
}

// The Chinese HR padding: a two-character name stored as 王　芳 or 王 芳 is
// the same person as 王芳, while Latin names keep their word break.
func TestNormalizeNameCJKPadding(t *testing.T) {
	for _, group := range [][]string{
		{"王芳", "王　芳", "王 芳", " 王  芳 ", "王\u00a0芳"},
		{"tom li", "Tom Li", "tom  li", "ＴＯＭ　ＬＩ"},
	} {
		want := NormalizeName(group[0])
		for _, s := range group[1:] {
			if got := NormalizeName(s); got != want {
				t.Errorf("NormalizeName(%q) = %q, want %q (as %q)", s, got, want, group[0])
			}
		}
	}
	if NormalizeName("tom li") == NormalizeName("tomli") {
		t.Error("Latin words must keep their space")
	}
}

func TestNormalizeMobile(t *testing.T) {
	cases := []struct{ name, in, want string }{
		{"plain", "13812345678", "13812345678"},
		{"empty", "", ""},
		{"+86 with spaces", "+86 138 1234 5678", "13812345678"},
		{"+86 glued", "+8613812345678", "13812345678"},
		{"0086 with dashes", "0086-138-1234-5678", "13812345678"},
		{"86 13-digit", "8613812345678", "13812345678"},
		{"parentheses", "(+86) 138-1234-5678", "13812345678"},
		{"full-width digits and dash", "１３８－１２３４－５６７８", "13812345678"},
		{"spaces only", "138 1234 5678", "13812345678"},
		{"en dash", "138–1234–5678", "13812345678"},
		{"other country keeps prefix", "+1 (415) 555-0100", "+14155550100"},
		{"86 prefix not on 11 digits", "861234567", "861234567"},
		{"86 followed by 12 digits", "86138123456789", "86138123456789"},
		{"landline", "010-12345678", "01012345678"},
		{"+86 landline keeps prefix", "+86 10 1234 5678", "+861012345678"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := NormalizeMobile(c.in); got != c.want {
				t.Fatalf("NormalizeMobile(%q) = %q, want %q", c.in, got, c.want)
			}
		})
	}
}

func TestNormalizeEmail(t *testing.T) {
	cases := []struct{ name, in, want string }{
		{"plain", "zhang.wei@example.com", "zhang.wei@example.com"},
		{"mixed case", "Zhang.Wei@Example.COM", "zhang.wei@example.com"},
		{"trimmed", "  zw@example.com\t", "zw@example.com"},
		{"full-width space trimmed", "\u3000ZW@example.com\u3000", "zw@example.com"},
		{"empty", "", ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := NormalizeEmail(c.in); got != c.want {
				t.Fatalf("NormalizeEmail(%q) = %q, want %q", c.in, got, c.want)
			}
		})
	}
}

// The fast paths must not allocate: they run on every record.
func TestNormalizeFastPathsDoNotAllocate(t *testing.T) {
	for _, s := range []string{"张伟", "tom li", "阿依古丽·买买提", "王芳 amy"} {
		if n := testing.AllocsPerRun(100, func() { _ = NormalizeName(s) }); n != 0 {
			t.Errorf("NormalizeName(%q) allocates %v times", s, n)
		}
	}
	if n := testing.AllocsPerRun(100, func() { _ = NormalizeMobile("13812345678") }); n != 0 {
		t.Errorf("NormalizeMobile allocates %v times", n)
	}
	if n := testing.AllocsPerRun(100, func() { _ = NormalizeEmail("zw@example.com") }); n != 0 {
		t.Errorf("NormalizeEmail allocates %v times", n)
	}
}

// A padded HR name is matched by name with the member's unpadded one, and two
// padded spellings of one name are namesakes, not two different names.
func TestMatchCJKPaddedName(t *testing.T) {
	r := Match([]Member{mem("wangfang", "王芳", "")}, []Local{loc("wf", "王　芳", "")}, nil, noKeyPairs)
	if len(r.Proposals) != 1 || r.Proposals[0].Method != MethodName || r.Proposals[0].UserID != "wangfang" {
		t.Fatalf("proposals = %s, want one name match wf → wangfang", dump(r.Proposals))
	}
	r = Match([]Member{mem("wf1", "王芳", "")}, []Local{loc("a", "王 芳", ""), loc("b", "王　芳", "")}, nil, noKeyPairs)
	if len(r.Proposals) != 1 || r.Proposals[0].State != StateAmbiguous || len(r.Proposals[0].Candidates) != 2 {
		t.Fatalf("proposals = %s, want one ambiguous row with both padded accounts", dump(r.Proposals))
	}
}
