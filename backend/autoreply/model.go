package autoreply

// What the member sent (用户动作).
const (
	ActionText  = "text"
	ActionImage = "image"
)

// How a text is matched (匹配方式). Hosted (直接托管) answers any text.
const (
	MatchContains = "contains"
	MatchPrefix   = "prefix"
	MatchSuffix   = "suffix"
	MatchExact    = "exact"
	MatchHosted   = "hosted"
)

// Limits (云桥 9.3): keyword ≤ 50 characters, reply ≤ 1,500 characters,
// priority 1–100. Name and the rules per app are bounded too.
const (
	MaxKeyword     = 50
	MaxReply       = 1500
	MaxName        = 64
	MinPriority    = 1
	MaxPriority    = 100
	MaxRulesPerApp = 200
	// MaxTryText bounds the "try it" box's sample and a matched message text.
	MaxTryText = 2048
)

// Actions and MatchKinds are the accepted values, in the order the UI lists them.
var (
	Actions    = []string{ActionText, ActionImage}
	MatchKinds = []string{MatchContains, MatchPrefix, MatchSuffix, MatchExact, MatchHosted}
)

// Rule is one auto-reply rule of an app.
type Rule struct {
	ID        int64  `json:"id"`
	AppRef    int64  `json:"appRef"` // apps.id
	CorpRef   int64  `json:"corpRef"`
	AgentID   int64  `json:"agentId"`
	AppName   string `json:"appName"`
	Name      string `json:"name"`
	Action    string `json:"action"` // ActionText or ActionImage
	Match     string `json:"match"`  // for text; MatchHosted for images
	Keyword   string `json:"keyword"`
	Reply     string `json:"reply"`
	Priority  int    `json:"priority"`
	Enabled   bool   `json:"enabled"`
	CreatedAt string `json:"createdAt"`
	UpdatedAt string `json:"updatedAt"`
}

// RuleInput creates (ID 0) or updates a rule of app AppRef.
type RuleInput struct {
	ID       int64  `json:"id"`
	AppRef   int64  `json:"appRef"`
	Name     string `json:"name"`
	Action   string `json:"action"`
	Match    string `json:"match"`
	Keyword  string `json:"keyword"`
	Reply    string `json:"reply"`
	Priority int    `json:"priority"`
	Enabled  bool   `json:"enabled"`
}

// Filter narrows the rule list: an app (0 = every app of the corp), a text
// searched in name, keyword and reply, and enabled/disabled ("" = both).
type Filter struct {
	CorpRef int64  `json:"corpRef"`
	AppRef  int64  `json:"appRef"`
	Search  string `json:"search"`
	State   string `json:"state"` // "", "enabled", "disabled"
}

// AppSwitch is an app's 是否开启应用回调 with its rule counts.
type AppSwitch struct {
	AppRef  int64  `json:"appRef" db:"app_ref"`
	CorpRef int64  `json:"corpRef" db:"corp_ref"`
	AgentID int64  `json:"agentId" db:"agent_id"`
	Name    string `json:"name" db:"name"`
	Enabled bool   `json:"enabled" db:"enabled"`
	Rules   int    `json:"rules" db:"rules"`
	Active  int    `json:"active" db:"active"` // enabled rules
	// CallbackReady: the app has a callback Token and EncodingAESKey, so
	// WeCom can deliver its messages (set in 接入配置).
	CallbackReady bool `json:"callbackReady" db:"callback_ready"`
}

// TryResult is what the "try it" box shows: the rule a sample hits and its
// reply, or why nothing would answer.
type TryResult struct {
	Hit       bool   `json:"hit"`
	Rule      *Rule  `json:"rule,omitempty"`
	Reply     string `json:"reply"`
	SwitchOff bool   `json:"switchOff"` // the app's switch is off: nothing is sent
	Checked   int    `json:"checked"`   // enabled rules compared
}
