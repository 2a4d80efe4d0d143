package corp

import (
	"bufio"
	"cmp"
	"context"
	"flag"
	"fmt"
	"io"
	"strconv"
	"strings"

	"wecom-bridge/backend/usererr"
)

// pairFlags collects repeated NAME=AGENTID (or AGENTID=URL) values.
type pairFlags [][2]string

func (p *pairFlags) String() string { return fmt.Sprint(*p) }

func (p *pairFlags) Set(v string) error {
	k, val, ok := strings.Cut(v, "=")
	if !ok || strings.TrimSpace(k) == "" || strings.TrimSpace(val) == "" {
		return usererr.New("corp_cli_bad_pair", usererr.Args{"value": v})
	}
	*p = append(*p, [2]string{strings.TrimSpace(k), strings.TrimSpace(val)})
	return nil
}

// secretSource reads secrets from stdin lines (KEY=VALUE) first, then the environment.
type secretSource struct {
	stdin  map[string]string
	getenv func(string) string
}

func (s secretSource) get(key string) string {
	if v, ok := s.stdin[key]; ok {
		return v
	}
	return s.getenv(key)
}

// appSecret looks up NAME_<AGENTID>, then NAME when only one app is given.
func (s secretSource) appSecret(name string, agent string, single bool) string {
	if v := s.get(name + "_" + agent); v != "" {
		return v
	}
	if single {
		return s.get(name)
	}
	return ""
}

func readSecretLines(r io.Reader) (map[string]string, error) {
	out := map[string]string{}
	sc := bufio.NewScanner(r)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		k, v, ok := strings.Cut(line, "=")
		if !ok {
			return nil, usererr.New("corp_cli_stdin_line", usererr.Args{"line": n})
		}
		out[strings.TrimSpace(k)] = strings.TrimSpace(v)
	}
	return out, sc.Err()
}

// addPlan is what `corp add` is about to save, built and checked up front so
// that a typo in one flag leaves nothing half-configured behind.
type addPlan struct {
	existing  *corpRow // nil: a new corp
	corp      CorpInput
	apps      []AppInput
	generated []usererr.Message // callback keys generated here, printed once
	problems  int
}

func cliAdd(ctx context.Context, svc *Service, args []string, stdin io.Reader, out io.Writer, getenv func(string) string) error {
	fs := flag.NewFlagSet("corp add", flag.ContinueOnError)
	fs.SetOutput(out)
	name := fs.String("name", "", "a name for the corp, shown in the header")
	corpID := fs.String("corp-id", "", "企业ID (ww + 16 hex): 我的企业 → 企业信息 → 企业ID")
	apiBase := fs.String("api-base", "", "API base URL (default https://qyapi.weixin.qq.com)")
	proxy := fs.String("proxy", "", "HTTP proxy without password (with one: WECOM_PROXY_URL)")
	perm := fs.String("permission", "", "directory permission: read (the default) or write")
	genKeys := fs.Bool("generate-callback-keys", false, "generate callback Token/EncodingAESKey where none is given or stored, and print them once")
	fromStdin := fs.Bool("secrets-stdin", false, "read secrets as KEY=VALUE lines from stdin")
	var apps, homes pairFlags
	fs.Var(&apps, "app", "self-built app NAME=AGENTID (repeatable)")
	fs.Var(&homes, "app-home", "app home page AGENTID=URL (repeatable)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usererr.New("corp_cli_unexpected_arg", usererr.Args{"arg": fs.Arg(0)})
	}
	src := secretSource{stdin: map[string]string{}, getenv: getenv}
	if *fromStdin {
		m, err := readSecretLines(stdin)
		if err != nil {
			return err
		}
		src.stdin = m
	}
	in := CorpInput{Name: *name, CorpID: *corpID, APIBaseURL: *apiBase, ProxyURL: cmp.Or(src.get("WECOM_PROXY_URL"), *proxy),
		ContactPermission: *perm, ContactSecret: src.get("WECOM_CONTACT_SECRET"), CustomerSecret: src.get("WECOM_CUSTOMER_SECRET"),
		CallbackToken: src.get("WECOM_CALLBACK_TOKEN"), CallbackAESKey: src.get("WECOM_CALLBACK_AES_KEY")}
	plan, err := planAdd(ctx, svc, in, apps, homes, src, *genKeys, out)
	if err != nil {
		return err
	}
	if plan.problems > 0 {
		return usererr.New("corp_cli_nothing_saved", usererr.Args{"n": plan.problems})
	}
	return saveAdd(ctx, svc, plan, out)
}

// planAdd fills in stored values for flags not given (add on an existing corp
// ID updates it), generates callback keys when asked, and validates it all.
func planAdd(ctx context.Context, svc *Service, in CorpInput, apps, homes pairFlags, src secretSource, genKeys bool, out io.Writer) (*addPlan, error) {
	existing, err := getCorpRowWhere(ctx, svc.st.DB, `corp_id = ?`, compact(in.CorpID))
	if err != nil {
		return nil, err
	}
	p := &addPlan{existing: existing}
	old := corpRow{}
	if existing != nil {
		old = *existing
		in.ID = existing.ID
		in.Name = cmp.Or(in.Name, existing.Name)
		in.APIBaseURL = cmp.Or(in.APIBaseURL, existing.APIBaseURL)
		in.ContactPermission = cmp.Or(in.ContactPermission, existing.ContactPermission)
		if in.ProxyURL == "" {
			_, in.ProxyURL, _ = svc.open(existing.ProxyEnc) // "" would mean "no proxy"
		}
	}
	if genKeys && in.CallbackToken == "" && in.CallbackAESKey == "" && old.CallbackTokenEnc == "" {
		k := GenerateCallbackKeys()
		in.CallbackToken, in.CallbackAESKey = k.Token, k.EncodingAESKey
		p.generated = append(p.generated, usererr.Msg("corp_cli_generated_contact", usererr.Args{"token": k.Token, "aesKey": k.EncodingAESKey}))
	}
	p.corp = in
	probe := in
	cleanCorpInput(&probe)
	errs := validateCorp(probe, storedSecrets{contact: old.ContactSecretEnc != "", token: old.CallbackTokenEnc != "", aesKey: old.CallbackAESKeyEnc != ""})
	printSave(out, "corp", SaveResult{Errors: errs})
	p.problems += len(errs)

	homeOf := map[string]string{}
	for _, h := range homes {
		homeOf[compact(h[0])] = h[1]
	}
	single := len(apps) == 1
	for _, a := range apps {
		agent := compact(a[1])
		ai := AppInput{Name: a[0], AgentID: a[1], HomeURL: homeOf[agent],
			Secret:         src.appSecret("WECOM_APP_SECRET", agent, single),
			CallbackToken:  src.appSecret("WECOM_APP_CALLBACK_TOKEN", agent, single),
			CallbackAESKey: src.appSecret("WECOM_APP_CALLBACK_AES_KEY", agent, single)}
		var oldApp appRow
		if n, err := strconv.ParseInt(agent, 10, 64); err == nil && existing != nil {
			if svc.st.DB.GetContext(ctx, &oldApp, `SELECT `+appCols+` FROM apps WHERE corp_ref = ? AND agent_id = ?`, existing.ID, n) == nil {
				ai.ID = oldApp.ID
			}
		}
		if genKeys && ai.CallbackToken == "" && ai.CallbackAESKey == "" && oldApp.CallbackTokenEnc == "" {
			k := GenerateCallbackKeys()
			ai.CallbackToken, ai.CallbackAESKey = k.Token, k.EncodingAESKey
			p.generated = append(p.generated, usererr.Msg("corp_cli_generated_app", usererr.Args{"app": a[0], "agentId": agent, "token": k.Token, "aesKey": k.EncodingAESKey}))
		}
		probe := ai
		cleanAppInput(&probe)
		_, errs := validateApp(probe, storedSecrets{secret: oldApp.SecretEnc != "", token: oldApp.CallbackTokenEnc != "", aesKey: oldApp.CallbackAESKeyEnc != ""})
		printSave(out, "app "+a[0], SaveResult{Errors: errs})
		p.problems += len(errs)
		p.apps = append(p.apps, ai)
	}
	return p, nil
}

func saveAdd(ctx context.Context, svc *Service, p *addPlan, out io.Writer) error {
	res, err := svc.SaveCorp(ctx, p.corp)
	if err != nil {
		return err
	}
	if !printSave(out, "corp", res) {
		return usererr.New("corp_cli_nothing_saved", usererr.Args{"n": len(res.Errors)})
	}
	verb := "corp_cli_added"
	if p.existing != nil {
		verb = "corp_cli_updated"
	}
	say(out, verb, usererr.Args{"corp": res.Corp.Name, "id": res.ID})
	if hc := res.HostChange; hc != nil {
		fmt.Fprintf(out, "! %s\n", term(hc.Message))
	}
	for _, ai := range p.apps {
		ai.CorpRef = res.ID
		r, err := svc.SaveApp(ctx, ai)
		if err != nil {
			return err
		}
		if !printSave(out, "app "+ai.Name, r) {
			return usererr.New("corp_cli_app_not_saved", usererr.Args{"app": ai.Name, "n": len(r.Errors)})
		}
		say(out, "corp_cli_app_saved", usererr.Args{"app": ai.Name, "agentId": compact(ai.AgentID)})
	}
	if len(p.generated) > 0 {
		fmt.Fprintln(out)
		say(out, "corp_cli_generated_head", nil)
		for _, g := range p.generated {
			fmt.Fprintln(out, "  "+term(g))
		}
	}
	fmt.Fprintln(out)
	say(out, "corp_cli_next", usererr.Args{"id": res.ID})
	return nil
}

// printSave prints what was trimmed and each field error; it reports res.OK.
func printSave(out io.Writer, what string, res SaveResult) bool {
	if len(res.Trimmed) > 0 {
		say(out, "corp_cli_trimmed", usererr.Args{"what": what, "fields": strings.Join(res.Trimmed, ", ")})
	}
	for _, e := range res.Errors {
		fmt.Fprintf(out, "✗ %s.%s: %s\n", what, e.Field, term(e.Message))
		if !e.Where.IsZero() {
			fmt.Fprintf(out, "    %s\n", term(usererr.Msg("corp_cli_where", usererr.Args{"where": e.Where})))
		}
	}
	return res.OK
}
