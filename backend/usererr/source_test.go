package usererr

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"
	"unicode"
)

// Admin-facing text belongs in this package's catalogue. This test reads the
// backend's Go source (not tests) and fails when a file holds more of the
// old ways of writing it than it did when the catalogue came (a ratchet: the
// counts may only go down; lower the baseline as files are converted):
//
//   - "zh": errors.New / fmt.Errorf with Chinese in the text, i.e. an
//     admin error built outside the catalogue;
//   - "pair": a string literal "中文 / English" or "English (中文)" or with
//     " ‖ ", i.e. both languages in one text;
//   - "en": a XxxEN string field beside a Chinese one (paired fields).
//
// Run with -v to see the counts.
var sourceBaseline = map[string]int{
	// file: zh+pair+en findings allowed (none since 2026-12-07: the last three,
	// English import problems naming the Chinese column, were converted)
}

var (
	hanRe      = regexp.MustCompile(`\p{Han}`)
	slashPair  = regexp.MustCompile(`\p{Han}[^"]*\s/\s[A-Za-z]|[A-Za-z][.!?)]?\s/\s[^"]*\p{Han}`)
	parenPair  = regexp.MustCompile(`[A-Za-z]{3,}[^"]*\(\p{Han}[^)]*\)`)
	skipDirs   = map[string]bool{"wecomsim": true, "bench": true, "crashtest": true, "usererr": true}
	proseField = regexp.MustCompile(`^[A-Z][A-Za-z]*EN$`)
)

type finding struct{ file, kind, text string }

func scanSource(t *testing.T, root string) []finding {
	t.Helper()
	var out []finding
	fset := token.NewFileSet()
	err := filepath.WalkDir(root, func(path string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if skipDirs[d.Name()] {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		f, err := parser.ParseFile(fset, path, nil, parser.SkipObjectResolution)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(filepath.Dir(root), path)
		out = append(out, scanFile(rel, f)...)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func scanFile(rel string, f *ast.File) []finding {
	var out []finding
	ast.Inspect(f, func(n ast.Node) bool {
		switch x := n.(type) {
		case *ast.CallExpr:
			if sel, ok := x.Fun.(*ast.SelectorExpr); ok && len(x.Args) > 0 {
				pkg, _ := sel.X.(*ast.Ident)
				if pkg != nil && pkg.Name == "usererr" {
					at := 0
					if sel.Sel.Name == "Wrap" {
						at = 1
					}
					if code, ok := literal(x.Args[min(at, len(x.Args)-1)]); ok && (sel.Sel.Name == "New" || sel.Sel.Name == "Msg" || sel.Sel.Name == "Wrap") && !Known(code) {
						out = append(out, finding{rel, "unknown", code})
					}
				}
				if pkg != nil && (pkg.Name == "errors" && sel.Sel.Name == "New" || pkg.Name == "fmt" && sel.Sel.Name == "Errorf") {
					if s, ok := literal(x.Args[0]); ok && hanRe.MatchString(s) {
						out = append(out, finding{rel, "zh", s})
					}
				}
			}
		case *ast.BasicLit:
			if s, ok := literal(x); ok && (strings.Contains(s, "‖") || slashPair.MatchString(s) || parenPair.MatchString(s)) {
				out = append(out, finding{rel, "pair", s})
			}
		case *ast.StructType:
			for _, fld := range x.Fields.List {
				id, ok := fld.Type.(*ast.Ident)
				if !ok || id.Name != "string" {
					continue
				}
				for _, name := range fld.Names {
					if proseField.MatchString(name.Name) && name.Name != "NameEN" {
						out = append(out, finding{rel, "en", name.Name})
					}
				}
			}
		}
		return true
	})
	return out
}

func literal(e ast.Expr) (string, bool) {
	lit, ok := e.(*ast.BasicLit)
	if !ok || lit.Kind != token.STRING {
		return "", false
	}
	s, err := strconv.Unquote(lit.Value)
	return s, err == nil
}

func TestAdminTextIsBuiltInTheCatalogue(t *testing.T) {
	findings := scanSource(t, filepath.Join("..", "..", "backend"))
	perFile := map[string]int{}
	perKind := map[string]int{}
	for _, f := range findings {
		if f.kind == "unknown" {
			t.Errorf("%s: usererr code %q is not in the catalogue", f.file, f.text)
			continue
		}
		perFile[f.file]++
		perKind[f.kind]++
	}
	files := make([]string, 0, len(perFile))
	for f := range perFile {
		files = append(files, f)
	}
	sort.Strings(files)
	for _, file := range files {
		n := perFile[file]
		allowed, known := sourceBaseline[file]
		if n > allowed {
			var texts []string
			for _, f := range findings {
				if f.file == file {
					texts = append(texts, f.kind+": "+abbreviate(f.text))
				}
			}
			if !known {
				t.Errorf("%s builds admin text outside the catalogue (%d): put it in backend/usererr/catalogue_*.go and use usererr.New/Msg:\n  %s",
					file, n, strings.Join(texts, "\n  "))
			} else {
				t.Errorf("%s: %d findings, more than its baseline %d: new admin text belongs in the catalogue:\n  %s",
					file, n, allowed, strings.Join(texts, "\n  "))
			}
		}
	}
	t.Logf("outside the catalogue: %d Chinese error texts, %d bilingual literals, %d XxxEN fields, in %d files",
		perKind["zh"], perKind["pair"], perKind["en"], len(perFile))
}

func abbreviate(s string) string {
	r := []rune(s)
	if len(r) > 90 {
		return string(r[:90]) + "…"
	}
	for _, c := range r {
		if unicode.IsControl(c) {
			return strconv.Quote(string(r))
		}
	}
	return s
}

// The detector itself must find what it is meant to find.
func TestSourceScanFindsEachOldWay(t *testing.T) {
	src := `package p
import ("errors"; "fmt")
type Step struct { Title string; TitleEN string; NameEN string }
var a = errors.New("企业不存在")
var b = fmt.Errorf("corp %d: 不存在", 1)
var c = "已删除 / deleted"
var d = "pull first (账号绑定 → 拉取)"
var e = "甲 ‖ a"
var f = "The link was changed. / 链接无效。"
var ok = fmt.Errorf("plain English %d", 1)
`
	f, err := parser.ParseFile(token.NewFileSet(), "p.go", src, 0)
	if err != nil {
		t.Fatal(err)
	}
	kinds := map[string]int{}
	for _, x := range scanFile("p.go", f) {
		kinds[x.kind]++
	}
	if kinds["zh"] != 2 || kinds["en"] != 1 || kinds["pair"] < 4 {
		t.Fatalf("found %v", kinds)
	}
}
