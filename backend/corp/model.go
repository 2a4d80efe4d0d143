package corp

import "wecom-bridge/backend/usererr"

// Read models: what the UI and other packages see. Secrets never appear here,
// only whether one is set and its last four characters.

// SecretField describes one stored secret without revealing it.
type SecretField struct {
	HasSecret  bool   `json:"hasSecret"`
	SecretMask string `json:"secretMask"` // "••••abcd"; "" when not set
	// Unreadable: a value is stored but this installation cannot decrypt it
	// (database from another machine, lost key). Enter it again.
	Unreadable bool `json:"unreadable,omitempty"`
}

// Contact-directory permission (通讯录权限), as in 云桥 4.2.
const (
	PermissionRead  = "read"  // 只读: WeCom is the source of truth; nothing is written to it
	PermissionWrite = "write" // 读写: needs the 通讯录同步 Secret; sync may write to WeCom
)

// DefaultAPIBaseURL is the public WeCom API host.
const DefaultAPIBaseURL = "https://qyapi.weixin.qq.com"

// Corp is a configured WeCom corp (企业).
type Corp struct {
	ID                int64       `json:"id"`
	Key               string      `json:"key"` // stable, random; used in callback URLs
	Name              string      `json:"name"`
	CorpID            string      `json:"corpId"`
	APIBaseURL        string      `json:"apiBaseUrl"`
	ProxyURL          string      `json:"proxyUrl"` // password shown as xxxxx
	ContactPermission string      `json:"contactPermission"`
	ContactSecret     SecretField `json:"contactSecret"`
	CustomerSecret    SecretField `json:"customerSecret"`
	CallbackToken     SecretField `json:"callbackToken"`
	CallbackAESKey    SecretField `json:"callbackAesKey"`
	Demo              bool        `json:"demo"`
	Active            bool        `json:"active"`
	Apps              []App       `json:"apps"`
	// NeedsSecrets: some stored secret cannot be decrypted here; the message
	// asks the admin to enter the secrets again.
	NeedsSecrets        bool             `json:"needsSecrets"`
	NeedsSecretsMessage *usererr.Message `json:"needsSecretsMessage,omitempty"`
	// LastCheck: the last connectivity check's verdict ("passed", "failed",
	// "" when never checked) and, when it failed, its first failed step.
	LastCheck        string           `json:"lastCheck"`
	LastCheckFailure *usererr.Message `json:"lastCheckFailure,omitempty"`
	CreatedAt        string           `json:"createdAt"`
	UpdatedAt        string           `json:"updatedAt"`
}

// App is a self-built app (自建应用) of a corp.
type App struct {
	ID             int64       `json:"id"`
	CorpRef        int64       `json:"corpRef"` // Corp.ID
	Name           string      `json:"name"`
	AgentID        int64       `json:"agentId"`
	Secret         SecretField `json:"secret"`
	CallbackToken  SecretField `json:"callbackToken"`
	CallbackAESKey SecretField `json:"callbackAesKey"`
	HomeURL        string      `json:"homeUrl"`
	NeedsSecrets   bool        `json:"needsSecrets"`
}

// Write models. An empty secret field keeps the stored value; list a field
// in Clear to remove a stored secret on purpose.

// CorpInput creates (ID 0) or updates a corp.
type CorpInput struct {
	ID                int64    `json:"id"`
	Name              string   `json:"name"`
	CorpID            string   `json:"corpId"`
	APIBaseURL        string   `json:"apiBaseUrl"` // "" = DefaultAPIBaseURL
	ProxyURL          string   `json:"proxyUrl"`   // "" = no proxy
	ContactPermission string   `json:"contactPermission"`
	ContactSecret     string   `json:"contactSecret"`
	CustomerSecret    string   `json:"customerSecret"`
	CallbackToken     string   `json:"callbackToken"`
	CallbackAESKey    string   `json:"callbackAesKey"`
	Clear             []string `json:"clear"` // field names, e.g. ["customerSecret"]
}

// AppInput creates (ID 0) or updates an app of corp CorpRef.
type AppInput struct {
	ID             int64    `json:"id"`
	CorpRef        int64    `json:"corpRef"`
	Name           string   `json:"name"`
	AgentID        string   `json:"agentId"` // text from the form; must be a whole number
	Secret         string   `json:"secret"`
	CallbackToken  string   `json:"callbackToken"`
	CallbackAESKey string   `json:"callbackAesKey"`
	HomeURL        string   `json:"homeUrl"`
	Clear          []string `json:"clear"`
}

// FieldError is a validation problem the UI shows under one field.
type FieldError struct {
	Field   string          `json:"field"`   // input field name, e.g. "corpId"
	Message usererr.Message `json:"message"` // what is wrong and what to do
	Where   usererr.Message `json:"where"`   // where to find the value in the WeCom admin console
}

func (e FieldError) Error() string { return e.Field + ": " + e.Message.EN }

// SaveResult is the answer to a save. OK false means nothing was saved and
// Errors says why, per field.
type SaveResult struct {
	OK      bool         `json:"ok"`
	ID      int64        `json:"id"`
	Trimmed []string     `json:"trimmed"` // fields whose pasted value we cleaned (spaces, tabs, newlines, zero-width, full-width)
	Errors  []FieldError `json:"errors"`
	Corp    *Corp        `json:"corp,omitempty"` // the corp after saving (for app saves too)
	// HostChange: the API base URL or proxy moved to another host, so the
	// stored secrets and access tokens were cleared (see hostrule.go).
	HostChange *HostChange `json:"hostChange,omitempty"`
}

// CallbackKeys is a fresh Token + EncodingAESKey pair for a callback.
type CallbackKeys struct {
	Token          string `json:"token"`
	EncodingAESKey string `json:"encodingAesKey"`
}

// Dependents says what hangs off a corp (or app) before deleting it.
type Dependents struct {
	Name         string          `json:"name"`
	Items        []Dependent     `json:"items"`
	NeedsConfirm bool            `json:"needsConfirm"` // in use and confirm was false: nothing deleted
	Deleted      bool            `json:"deleted"`
	Message      usererr.Message `json:"message"`
}

// Dependent is one kind of thing that depends on a corp (or an app), with
// its count. Key names the kind (apps, members, bindings, plans, schedules,
// pushRules…); Label says it with the count (catalogue dependent_<key>).
type Dependent struct {
	Key   string          `json:"key"`
	Count int             `json:"count"`
	Label usererr.Message `json:"label"` // "推送规则 2 条" / "2 push rules"
}
