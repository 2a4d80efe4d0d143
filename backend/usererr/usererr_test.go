package usererr

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"testing"
	"unicode"
)

func TestEveryCodeHasBothLanguagesAndItsArgsRender(t *testing.T) {
	seen := map[string]int{}
	for _, part := range catalogue {
		for code, e := range part {
			seen[code]++
			if strings.TrimSpace(e.zh) == "" || strings.TrimSpace(e.en) == "" {
				t.Errorf("%s: a language is missing", code)
			}
			args := Args{}
			for _, name := range append(templateArgs(e.zh), templateArgs(e.en)...) {
				args[name] = 2
			}
			m := Msg(code, args)
			for _, text := range []string{m.ZH, m.EN} {
				for name := range args {
					if strings.Contains(text, "{"+name) {
						t.Errorf("%s: {%s} not filled in %q", code, name, text)
					}
				}
			}
			if !hasHan(m.ZH) && !layoutOnly[code] {
				t.Errorf("%s: the Chinese text has no Chinese: %q", code, m.ZH)
			}
			if strings.Contains(m.EN, "(") && hasHanOutsideConsole(m.EN) {
				t.Errorf("%s: the English text explains itself in Chinese: %q", code, m.EN)
			}
		}
	}
	for code, n := range seen {
		if n > 1 {
			t.Errorf("code %s is in %d catalogue parts", code, n)
		}
	}
}

func hasHan(s string) bool {
	for _, r := range s {
		if unicode.Is(unicode.Han, r) {
			return true
		}
	}
	return false
}

// hasHanOutsideConsole: English texts may quote the WeCom admin console's own
// (Chinese) menu paths after "console:" or the "→" arrows, nothing else.
func hasHanOutsideConsole(s string) bool {
	for _, part := range strings.Split(s, "(") {
		if hasHan(part) && !strings.Contains(part, "→") {
			return true
		}
	}
	return false
}

func TestArgsFillTemplatesAndPlurals(t *testing.T) {
	if got := fill("{n|one member|# members} in {dept}", Args{"n": 1, "dept": "研发"}, true); got != "one member in 研发" {
		t.Fatalf("singular: %q", got)
	}
	if got := fill("{n|one member|# members}", Args{"n": 3}, true); got != "3 members" {
		t.Fatalf("plural: %q", got)
	}
	if got := fill("{missing} stays", Args{}, true); got != "{missing} stays" {
		t.Fatalf("missing: %q", got)
	}
	m := Msg("not_pulled", nil)
	if m.ZH == m.EN || m.ZH == "not_pulled" || m.Args == nil {
		t.Fatalf("rendered %+v", m)
	}
	if unknown := Msg("no_such_code", nil); unknown.ZH != "no_such_code" || Known("no_such_code") {
		t.Fatalf("unknown code renders %+v", unknown)
	}
}

func TestErrorCarriesTheMessageThroughWrapping(t *testing.T) {
	err := fmt.Errorf("plan sync: %w", New("unknown_app", Args{"agentId": 1000002}))
	if !Is(err, "unknown_app") || Is(err, "other") || Is(errors.New("plain"), "unknown_app") {
		t.Fatal("Is must see the code through wrapping, and only that code")
	}
	e, ok := As(err)
	if !ok || !strings.Contains(e.ZH, "1000002") || !strings.Contains(e.EN, "1000002") || e.Error() != e.EN {
		t.Fatalf("message %+v", e)
	}
	raw, _ := json.Marshal(ForUI("PullContacts", err))
	var back map[string]any
	_ = json.Unmarshal(raw, &back)
	if back["code"] != "unknown_app" || back["zh"] != e.ZH || back["en"] != e.EN || back["args"].(map[string]any)["agentId"] != float64(1000002) {
		t.Fatalf("boundary JSON %s", raw)
	}
}

type causeErr struct{ code int }

func (c *causeErr) Error() string { return fmt.Sprintf("errcode %d", c.code) }

func TestWrapKeepsTheCauseReachable(t *testing.T) {
	cause := &causeErr{60011}
	err := fmt.Errorf("pull: %w", Wrap(cause, "network", Args{"api": "user/list", "cred": "app 1", "detail": cause.Error()}))
	var got *causeErr
	if !errors.As(err, &got) || got.code != 60011 {
		t.Fatalf("cause not reachable through %v", err)
	}
}

func TestAnErrorThatIsNotAMessageBecomesInternalWithAReference(t *testing.T) {
	m := ForUI("Anything", errors.New("SQL logic error: no such table"))
	if m.Code != CodeInternal || len(m.Args["ref"].(string)) != 10 {
		t.Fatalf("internal %+v", m)
	}
	if strings.Contains(m.EN, "SQL") || !strings.Contains(m.ZH, m.Args["ref"].(string)) || !strings.Contains(m.EN, m.Args["ref"].(string)) {
		t.Fatalf("internal text leaks details or lacks the reference: %+v", m)
	}
}

func TestStoredMessagesRenderAgainAndOldTextsStayReadable(t *testing.T) {
	inner := Msg("unknown_app", Args{"agentId": 1000002})
	m := Msg("pull_failed_kept", Args{"reason": inner})
	back := FromStored(m.Stored())
	if back.Code != m.Code || back.ZH != m.ZH || back.EN != m.EN || !strings.Contains(back.EN, "1000002") || strings.Contains(back.EN, "e+06") {
		t.Fatalf("round trip:\n%+v\n%+v", m, back)
	}
	if old := FromStored("计划已过期 ‖ the plan is stale"); old.Code != CodeText || old.ZH != "计划已过期" || old.EN != "the plan is stale" {
		t.Fatalf("bilingual text %+v", old)
	}
	if plain := FromStored("database is locked"); plain.ZH != "database is locked" || !FromStored("").IsZero() || (Message{}).Stored() != "" {
		t.Fatalf("plain %+v", plain)
	}
	// A text of its own (no catalogue code) keeps both halves through the column.
	own := Message{Code: CodeText, ZH: "手工说明", EN: "a note by hand"}
	if back := FromStored(own.Stored()); back.Code != CodeText || back.ZH != own.ZH || back.EN != own.EN {
		t.Fatalf("own text %+v", back)
	}
}

// layoutOnly are messages that only arrange their arguments the language's
// way (full-width brackets in Chinese), with no words of their own.
var layoutOnly = map[string]bool{"binding_reason_item": true}
