package corp

import (
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"wecom-bridge/backend/wecom/wxcrypt"
)

var (
	secretA = "SecretA_contact-0123456789abcdefghijklmnopq" // 43
	secretB = "SecretB_customer-0123456789abcdefghijklmnop" // 43
	secretC = "SecretC_app-0123456789abcdefghijklmnopqrstu" // 43
)

func (e *testEnv) saveCorp(in CorpInput) SaveResult {
	e.t.Helper()
	res, err := e.svc.SaveCorp(e.ctx, in)
	if err != nil {
		e.t.Fatal(err)
	}
	return res
}

func TestSaveCorpTrimsMasksAndKeepsSecrets(t *testing.T) {
	e := newEnv(t)
	keys := GenerateCallbackKeys()
	res := e.saveCorp(CorpInput{Name: "  星河科技\u3000", CorpID: "\u200bww0123456789abcdef\n", ContactSecret: " " + secretA + "\t",
		CustomerSecret: secretB, CallbackToken: keys.Token, CallbackAESKey: keys.EncodingAESKey})
	if !res.OK || len(res.Errors) != 0 {
		t.Fatalf("save: %+v", res)
	}
	if want := []string{FieldName, FieldCorpID, FieldContactSecret}; !slices.Equal(res.Trimmed, want) {
		t.Fatalf("trimmed = %v, want %v", res.Trimmed, want)
	}
	c := res.Corp
	if c.Name != "星河科技" || c.CorpID != goodCorpID || c.APIBaseURL != DefaultAPIBaseURL || c.ContactPermission != PermissionRead {
		t.Fatalf("corp = %+v", c)
	}
	if !c.Active || c.Key == "" || c.Demo {
		t.Fatalf("first corp must be active with a key and not demo: %+v", c)
	}
	if c.ContactSecret != (SecretField{HasSecret: true, SecretMask: "••••" + secretA[39:]}) {
		t.Fatalf("contact secret field = %+v", c.ContactSecret)
	}
	if !c.CustomerSecret.HasSecret || !c.CallbackToken.HasSecret || !c.CallbackAESKey.HasSecret {
		t.Fatalf("secrets not marked set: %+v", c)
	}

	// Nothing in plaintext in the database.
	var raw string
	e.st.DB.GetContext(e.ctx, &raw, `SELECT contact_secret_enc || customer_secret_enc || callback_token_enc || callback_aes_key_enc FROM corps`)
	for _, s := range []string{secretA, secretB, keys.Token, keys.EncodingAESKey} {
		if strings.Contains(raw, s) {
			t.Fatal("a secret is stored in plaintext")
		}
	}

	// Empty secret fields keep what is stored; Clear removes on purpose.
	res = e.saveCorp(CorpInput{ID: c.ID, Name: "星河", CorpID: goodCorpID, Clear: []string{FieldCustomerSecret}})
	if !res.OK {
		t.Fatalf("update: %+v", res.Errors)
	}
	if res.Corp.ContactSecret.SecretMask != c.ContactSecret.SecretMask || res.Corp.CustomerSecret.HasSecret || !res.Corp.CallbackToken.HasSecret {
		t.Fatalf("after update: %+v", res.Corp)
	}
	_, creds, err := e.svc.Client(e.ctx, c.ID)
	if err != nil || creds.Contact.Secret != secretA || creds.Customer.Secret != "" {
		t.Fatalf("credentials after update: %v %v", creds, err)
	}
}

func TestInvalidSaveStoresNothing(t *testing.T) {
	e := newEnv(t)
	res := e.saveCorp(CorpInput{Name: "x", CorpID: "ww123", ContactSecret: "short"})
	if res.OK || len(res.Errors) != 2 || fieldErr(res.Errors, FieldCorpID) == nil || fieldErr(res.Errors, FieldContactSecret) == nil {
		t.Fatalf("want corpId and contactSecret errors, got %+v", res)
	}
	for _, fe := range res.Errors {
		if strings.Contains(fe.Message.ZH+fe.Message.EN, "short") {
			t.Fatal("a field error echoes the secret")
		}
	}
	if list, _ := e.svc.List(e.ctx); len(list) != 0 {
		t.Fatalf("invalid input saved: %v", list)
	}
	e.saveCorp(CorpInput{Name: "a", CorpID: goodCorpID})
	dup := e.saveCorp(CorpInput{Name: "b", CorpID: goodCorpID})
	if fe := fieldErr(dup.Errors, FieldCorpID); dup.OK || fe == nil || !strings.Contains(fe.Message.ZH, "“a”") {
		t.Fatalf("duplicate corp ID: %+v", dup)
	}
}

func TestAppsCRUD(t *testing.T) {
	e := newEnv(t)
	c := e.saveCorp(CorpInput{Name: "a", CorpID: goodCorpID})
	r, _ := e.svc.SaveApp(e.ctx, AppInput{CorpRef: c.ID, Name: "OA", AgentID: "１０００００２ ", Secret: secretC})
	if !r.OK || !slices.Equal(r.Trimmed, []string{FieldAgentID}) || len(r.Corp.Apps) != 1 {
		t.Fatalf("save app: %+v", r)
	}
	app := r.Corp.Apps[0]
	if app.AgentID != 1000002 || app.Secret.SecretMask != "••••"+secretC[39:] || app.NeedsSecrets {
		t.Fatalf("app = %+v", app)
	}
	dup, _ := e.svc.SaveApp(e.ctx, AppInput{CorpRef: c.ID, Name: "OA2", AgentID: "1000002", Secret: secretC})
	if dup.OK || fieldErr(dup.Errors, FieldAgentID) == nil {
		t.Fatalf("duplicate AgentId accepted: %+v", dup)
	}
	bad, _ := e.svc.SaveApp(e.ctx, AppInput{CorpRef: c.ID, Name: "OA3", AgentID: "abc", Secret: secretC})
	if fe := fieldErr(bad.Errors, FieldAgentID); fe == nil || !strings.Contains(fe.Message.EN, "AgentId must be a whole number like 1000002") {
		t.Fatalf("AgentId text: %+v", bad)
	}
	upd, _ := e.svc.SaveApp(e.ctx, AppInput{ID: app.ID, Name: "OA 门户", AgentID: "1000002", HomeURL: "https://oa.example.com"})
	if !upd.OK || upd.Corp.Apps[0].Name != "OA 门户" || upd.Corp.Apps[0].Secret.SecretMask != app.Secret.SecretMask {
		t.Fatalf("update keeps the secret: %+v", upd)
	}
	d, err := e.svc.DeleteApp(e.ctx, app.ID, "OA 门户")
	if err != nil || !d.Deleted {
		t.Fatalf("delete unused app: %+v %v", d, err)
	}
}

func TestSecretsNeverInReadModelErrorsOrLogs(t *testing.T) {
	e := newEnv(t)
	keys := GenerateCallbackKeys()
	proxyPass := "pr0xyPassw0rd"
	res := e.saveCorp(CorpInput{Name: "a", CorpID: goodCorpID, ContactSecret: secretA, CustomerSecret: secretB,
		CallbackToken: keys.Token, CallbackAESKey: keys.EncodingAESKey, ProxyURL: "http://ops:" + proxyPass + "@127.0.0.1:9"})
	e.addApp(res.ID, "OA", "1000002", secretC)
	all := []string{secretA, secretB, secretC, keys.Token, keys.EncodingAESKey, proxyPass}

	list, _ := e.svc.List(e.ctx)
	b, _ := json.Marshal(list)
	_, creds, _ := e.svc.Client(e.ctx, res.ID)
	cb, _ := json.Marshal(creds)
	chk := e.check(res.ID) // the proxy is closed: steps fail with errors that must not leak either
	rb, _ := json.Marshal(chk)
	text := string(b) + string(cb) + creds.String() + string(rb) + e.logs.String()
	e.log.Info("credentials", "creds", creds, "app", creds.Apps[0])
	text += e.logs.String()
	for _, s := range all {
		if strings.Contains(text, s) {
			t.Fatalf("secret %.6s… leaked into read model, check, credentials JSON or logs", s)
		}
	}
	if !strings.Contains(string(b), "••••") || !strings.Contains(string(b), "xxxxx@127.0.0.1:9") {
		t.Fatalf("read model should show masks and a redacted proxy: %s", b)
	}
}

func TestProxyShownRedactedAndKeptWhenSentBack(t *testing.T) {
	e := newEnv(t)
	res := e.saveCorp(CorpInput{Name: "a", CorpID: goodCorpID, ProxyURL: "http://ops:s3cret@proxy.corp:3128"})
	if res.Corp.ProxyURL != "http://ops:xxxxx@proxy.corp:3128" {
		t.Fatalf("proxy shown as %q", res.Corp.ProxyURL)
	}
	e.saveCorp(CorpInput{ID: res.ID, Name: "a", CorpID: goodCorpID, ProxyURL: res.Corp.ProxyURL})
	cfg, _ := e.svc.loadConfig(e.ctx, res.ID)
	if cfg.proxy != "http://ops:s3cret@proxy.corp:3128" {
		t.Fatalf("redacted proxy sent back must keep the stored one, got %q", cfg.proxy)
	}
	e.saveCorp(CorpInput{ID: res.ID, Name: "a", CorpID: goodCorpID})
	if cfg, _ := e.svc.loadConfig(e.ctx, res.ID); cfg.proxy != "" {
		t.Fatal("an empty proxy field means no proxy")
	}
}

// A database copied to another machine without its key: secrets unreadable,
// shown as such, never a crash; entering them again fixes it.
func TestCopiedDatabaseAsksForSecretsAgain(t *testing.T) {
	e := newEnv(t)
	res := e.saveCorp(CorpInput{Name: "a", CorpID: goodCorpID, ContactSecret: secretA})
	app := e.addApp(res.ID, "OA", "1000002", secretC)
	backup, err := e.st.Backup(e.ctx, "copy")
	if err != nil {
		t.Fatal(err)
	}
	other := newEnv(t) // another machine: its own key file
	other.svc.Close()
	other.st.Close()
	b, _ := os.ReadFile(backup)
	os.WriteFile(filepath.Join(other.dir, "bridge.db"), b, 0o600)
	other.open()

	c, err := other.svc.Get(other.ctx, res.ID)
	if err != nil {
		t.Fatal(err)
	}
	if !c.NeedsSecrets || (c.NeedsSecretsMessage == nil || !strings.Contains(c.NeedsSecretsMessage.ZH, "重新填写")) || !c.ContactSecret.Unreadable || !c.Apps[0].NeedsSecrets {
		t.Fatalf("read model = %+v", c)
	}
	if _, _, err := other.svc.Client(other.ctx, res.ID); !errors.Is(err, ErrNeedsSecrets) {
		t.Fatalf("Client err = %v, want ErrNeedsSecrets", err)
	}
	chk := other.check(res.ID)
	if st := step(t, chk, "secrets"); st.Status != StatusFailed || st.Fix == nil || !strings.Contains(st.Fix.ZH, "重新填写") {
		t.Fatalf("secrets step = %+v", st)
	}
	if st := step(t, chk, "app:1000002:token"); st.Status != StatusSkipped {
		t.Fatalf("token step must be skipped: %+v", st)
	}
	other.saveCorp(CorpInput{ID: res.ID, Name: "a", CorpID: goodCorpID, ContactSecret: secretA})
	other.svc.SaveApp(other.ctx, AppInput{ID: app.ID, Name: "OA", AgentID: "1000002", Secret: secretC})
	if c, _ := other.svc.Get(other.ctx, res.ID); c.NeedsSecrets {
		t.Fatalf("still needs secrets after re-entry: %+v", c)
	}
}

func TestActiveCorp(t *testing.T) {
	e := newEnv(t)
	a := e.saveCorp(CorpInput{Name: "a", CorpID: goodCorpID})
	b := e.saveCorp(CorpInput{Name: "b", CorpID: "ww1111111111111111"})
	if !a.Corp.Active || b.Corp.Active {
		t.Fatal("only the first corp starts active")
	}
	if err := e.svc.SetActive(e.ctx, b.ID); err != nil {
		t.Fatal(err)
	}
	act, _ := e.svc.Active(e.ctx)
	if act.ID != b.ID {
		t.Fatalf("active = %d, want %d", act.ID, b.ID)
	}
	if _, err := e.svc.DeleteCorp(e.ctx, b.ID, "b"); err != nil {
		t.Fatal(err)
	}
	act, _ = e.svc.Active(e.ctx)
	if act == nil || act.ID != a.ID {
		t.Fatal("deleting the active corp must activate another")
	}
	for _, ref := range []string{"a", goodCorpID, act.Key} {
		if c, err := e.svc.Find(e.ctx, ref); err != nil || c.ID != a.ID {
			t.Fatalf("Find(%q) = %v, %v", ref, c, err)
		}
	}
	if _, err := e.svc.Find(e.ctx, "nope"); !errors.Is(err, ErrNotFound) {
		t.Fatalf("Find unknown: %v", err)
	}
}

func TestDeleteCorpListsDependentsAndNeedsTheTypedName(t *testing.T) {
	e := newEnv(t)
	c := e.saveCorp(CorpInput{Name: "星河", CorpID: goodCorpID})
	e.addApp(c.ID, "OA", "1000002", secretC)
	e.addApp(c.ID, "HR", "1000003", secretA)
	e.svc.RegisterCorpDependents(Counter{Key: "bindings", Count: func(_ context.Context, id int64) (int, error) {
		if id == c.ID {
			return 7, nil
		}
		return 0, nil
	}})

	for _, typed := range []string{"", "星", "yes"} {
		d, err := e.svc.DeleteCorp(e.ctx, c.ID, typed)
		if err != nil {
			t.Fatal(err)
		}
		if !d.NeedsConfirm || d.Deleted || len(d.Items) != 2 || d.Items[0].Label.EN != "2 apps" || d.Items[1].Count != 7 ||
			!strings.Contains(d.Message.EN, "7 confirmed or rejected bindings") || !strings.Contains(d.Message.ZH, "自建应用 2 个") {
			t.Fatalf("typed %q: dependents = %+v", typed, d)
		}
	}
	if _, err := e.svc.Get(e.ctx, c.ID); err != nil {
		t.Fatal("corp deleted without its name typed")
	}
	d, err := e.svc.DeleteCorp(e.ctx, c.ID, " 星河 ")
	if err != nil || !d.Deleted {
		t.Fatalf("confirmed delete: %+v %v", d, err)
	}
	var apps int
	e.st.DB.GetContext(e.ctx, &apps, `SELECT COUNT(*) FROM apps`)
	if apps != 0 {
		t.Fatalf("%d apps left after deleting their corp", apps)
	}
	lone := e.saveCorp(CorpInput{Name: "lone", CorpID: "ww2222222222222222"})
	if d, _ := e.svc.DeleteCorp(e.ctx, lone.ID, ""); d.Deleted || !d.NeedsConfirm || len(d.Items) != 0 {
		t.Fatalf("a corp nothing depends on still needs its name: %+v", d)
	}
}

func TestDeleteAppWithDependents(t *testing.T) {
	e := newEnv(t)
	c := e.saveCorp(CorpInput{Name: "a", CorpID: goodCorpID})
	app := e.addApp(c.ID, "OA", "1000002", secretC)
	e.svc.RegisterAppDependents(Counter{Key: "pushRules", Count: func(_ context.Context, id int64) (int, error) {
		if id == app.ID {
			return 3, nil
		}
		return 0, nil
	}})
	d, _ := e.svc.DeleteApp(e.ctx, app.ID, "")
	if !d.NeedsConfirm || len(d.Items) != 1 || d.Items[0].Key != "pushRules" || d.Items[0].Count != 3 {
		t.Fatalf("app dependents: %+v", d)
	}
	if d, _ := e.svc.DeleteApp(e.ctx, app.ID, "OA"); !d.Deleted {
		t.Fatal("confirmed app delete")
	}
}

func TestCallbackKeysAndConfig(t *testing.T) {
	e := newEnv(t)
	k := e.svc.GenerateCallbackKeys()
	if errs := validateCorp(CorpInput{Name: "a", CorpID: goodCorpID, CallbackToken: k.Token, CallbackAESKey: k.EncodingAESKey}, storedSecrets{}); len(errs) > 0 {
		t.Fatalf("generated keys fail validation: %v", errs)
	}
	if _, err := wxcrypt.New(k.Token, k.EncodingAESKey, goodCorpID); err != nil {
		t.Fatalf("generated key refused by wxcrypt: %v", err)
	}
	if k2 := GenerateCallbackKeys(); k2 == k {
		t.Fatal("keys must be fresh each time")
	}
	c := e.saveCorp(CorpInput{Name: "a", CorpID: goodCorpID, CallbackToken: k.Token, CallbackAESKey: k.EncodingAESKey})
	ak := GenerateCallbackKeys()
	e.svc.SaveApp(e.ctx, AppInput{CorpRef: c.ID, Name: "OA", AgentID: "1000002", Secret: secretC, CallbackToken: ak.Token, CallbackAESKey: ak.EncodingAESKey})
	cc, err := e.svc.CallbackConfig(e.ctx, c.Corp.Key, 0)
	if err != nil || cc.Token != k.Token || cc.EncodingAESKey != k.EncodingAESKey || cc.CorpID != goodCorpID {
		t.Fatalf("contact callback config: %+v %v", cc, err)
	}
	ac, err := e.svc.CallbackConfig(e.ctx, c.Corp.Key, 1000002)
	if err != nil || ac.Token != ak.Token {
		t.Fatalf("app callback config: %+v %v", ac, err)
	}
	if _, err := e.svc.CallbackConfig(e.ctx, c.Corp.Key, 42); !errors.Is(err, ErrNotFound) {
		t.Fatalf("unknown agent: %v", err)
	}
}

func TestClientCachedAndRebuiltOnChange(t *testing.T) {
	e := newEnv(t)
	c := e.saveCorp(CorpInput{Name: "a", CorpID: goodCorpID, ContactSecret: secretA})
	c1, creds, err := e.svc.Client(e.ctx, c.ID)
	if err != nil || !creds.HasContact() || creds.CorpID != goodCorpID {
		t.Fatalf("Client: %v %v", creds, err)
	}
	c2, _, _ := e.svc.Client(e.ctx, c.ID)
	if c1 != c2 {
		t.Fatal("one client per corp: expected the cached client")
	}
	e.saveCorp(CorpInput{ID: c.ID, Name: "a", CorpID: goodCorpID, APIBaseURL: "http://127.0.0.1:1"})
	c3, _, _ := e.svc.Client(e.ctx, c.ID)
	if c3 == c1 {
		t.Fatal("client not rebuilt after the base URL changed")
	}
	e.addApp(c.ID, "OA", "1000002", secretC)
	c4, creds, _ := e.svc.Client(e.ctx, c.ID)
	if c4 == c3 {
		t.Fatal("client not rebuilt after an app was added")
	}
	if a, ok := creds.App(1000002); !ok || a.Secret != secretC {
		t.Fatalf("app credential: %v", a)
	}
}
