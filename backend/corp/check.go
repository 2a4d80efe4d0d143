package corp

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"wecom-bridge/backend/logging"
	"wecom-bridge/backend/usererr"
	"wecom-bridge/backend/wecom"
)

// CheckEvent is the name of the progress events of a connectivity check.
const CheckEvent = "corp:check"

// Step statuses.
const (
	StatusOK      = "ok"
	StatusFailed  = "failed"
	StatusSkipped = "skipped" // not run: a step it needs did not pass
	StatusNA      = "n/a"     // does not apply (TLS over http, a secret not configured)
)

// CheckStep is one line of the connectivity check.
type CheckStep struct {
	Key        string           `json:"key"` // e.g. "dns", "app:1000002:token", "contact:departments"
	Title      usererr.Message  `json:"title"`
	Status     string           `json:"status"`  // ok | failed | skipped | n/a
	OK         bool             `json:"ok"`      // passed or does not apply
	Skipped    bool             `json:"skipped"` // not run (Status skipped or n/a)
	DurationMs int64            `json:"durationMs"`
	Detail     usererr.Message  `json:"detail"`
	API        string           `json:"api,omitempty"` // the WeCom API called, e.g. "gettoken"
	Errcode    int              `json:"errcode,omitempty"`
	Fix        *usererr.Message `json:"fix,omitempty"` // what to do, for a failed step
}

// msg is a catalogue message (backend/usererr/catalogue_check.go).
func msg(code string, args usererr.Args) usererr.Message { return usererr.Msg(code, args) }

// fix sets the step's fix.
func (st *CheckStep) fix(m usererr.Message) { st.Fix = &m }

// CheckResult is the whole check of one corp.
type CheckResult struct {
	CorpRef    int64       `json:"corpRef"`
	CorpName   string      `json:"corpName"`
	Passed     bool        `json:"passed"` // no step failed
	Failed     int         `json:"failed"`
	StartedAt  string      `json:"startedAt"`
	DurationMs int64       `json:"durationMs"`
	Steps      []CheckStep `json:"steps"`
	APIIPs     []string    `json:"apiIps"`             // get_api_domain_ip, for firewall rules
	EgressIP   string      `json:"egressIp,omitempty"` // our outgoing IP, when WeCom quoted it (60020/48009)
}

// CheckProgress is the payload of each "corp:check" event: one finished step
// (Index of Total), and a last event with Final set and the outcome.
type CheckProgress struct {
	CorpRef int64      `json:"corpRef"`
	Index   int        `json:"index"`
	Total   int        `json:"total"`
	Step    *CheckStep `json:"step,omitempty"`
	Final   bool       `json:"final"`
	Passed  bool       `json:"passed"`
}

// stepTimeout bounds one step, retries included.
const stepTimeout = 30 * time.Second

// stepDef is a planned step: what it needs and what it does.
type stepDef struct {
	key   string
	title usererr.Message
	needs []string // keys that must be OK first
	run   func(ctx context.Context, st *CheckStep)
}

// Check runs the one-click connectivity check of corp id. It only reads from
// WeCom (gettoken, agent/get, department/simplelist, user/simplelist,
// user/list, get_api_domain_ip): nothing is changed there. Failed steps carry
// the errcode and the fix; steps after a failed prerequisite are skipped.
func (s *Service) Check(ctx context.Context, id int64) (*CheckResult, error) {
	cfg, err := s.loadConfig(ctx, id)
	if err != nil {
		return nil, err
	}
	r := &checkRun{s: s, cfg: cfg, agents: map[int64]*wecom.Agent{}}
	if cfg.unreadable == nil {
		r.client = s.clientFor(cfg)
	}
	plan := r.plan()
	start := time.Now()
	res := &CheckResult{CorpRef: id, CorpName: cfg.row.Name, StartedAt: start.UTC().Format(time.RFC3339)}
	done := map[string]*CheckStep{}
	for i, d := range plan {
		st := &CheckStep{Key: d.key, Title: d.title}
		if blocker := firstNotOK(done, d.needs); blocker != nil {
			st.Status, st.Skipped = StatusSkipped, true
			st.Detail = msg("check_not_checked", usererr.Args{"step": blocker.Title})
		} else {
			t0 := time.Now()
			sctx, cancel := context.WithTimeout(ctx, stepTimeout)
			d.run(sctx, st)
			cancel()
			st.DurationMs = time.Since(t0).Milliseconds()
			if st.Status == "" {
				st.Status = StatusOK
			}
			if ctx.Err() != nil && st.Status == StatusFailed {
				return nil, usererr.Wrap(ctx.Err(), "check_stopped", usererr.Args{"corp": cfg.row.Name})
			}
		}
		st.OK = st.Status == StatusOK || st.Status == StatusNA
		st.Skipped = st.Status == StatusSkipped || st.Status == StatusNA
		if st.Status == StatusFailed {
			res.Failed++
		}
		done[d.key] = st
		res.Steps = append(res.Steps, *st)
		s.emitter.Emit(CheckEvent, CheckProgress{CorpRef: id, Index: i + 1, Total: len(plan), Step: st})
	}
	res.Passed = res.Failed == 0
	res.DurationMs = time.Since(start).Milliseconds()
	res.APIIPs, res.EgressIP = r.apiIPs, r.egressIP
	if err := s.recordCheck(ctx, res); err != nil {
		return nil, err
	}
	s.emitter.Emit(CheckEvent, CheckProgress{CorpRef: id, Index: len(plan), Total: len(plan), Final: true, Passed: res.Passed})
	s.log.Info("corp: connectivity check", "corp", cfg.row.Name, "passed", res.Passed, "failed", res.Failed, "ms", res.DurationMs)
	return res, nil
}

func firstNotOK(done map[string]*CheckStep, keys []string) *CheckStep {
	for _, k := range keys {
		if st := done[k]; st != nil && !(st.Status == StatusOK || st.Status == StatusNA) {
			return st
		}
	}
	return nil
}

// checkRun is the state shared by the steps of one check.
type checkRun struct {
	s        *Service
	cfg      *corpConfig
	client   *wecom.Client
	agents   map[int64]*wecom.Agent // agent/get answers, by AgentId
	apiIPs   []string
	egressIP string
	working  *wecom.Credential // a credential whose gettoken passed
}

// plan lists the steps for this corp's configuration, in order.
func (r *checkRun) plan() []stepDef {
	net := r.networkSteps()
	reach := []string{"dns", "tcp", "tls"}
	var steps []stepDef
	steps = append(steps, net...)
	if r.cfg.unreadable != nil {
		steps = append(steps, stepDef{key: "secrets", title: msg("check_title_secrets", nil),
			run: func(_ context.Context, st *CheckStep) {
				st.Status = StatusFailed
				st.Detail = msg("check_secrets_unreadable", nil)
				st.fix(msg("check_fix_secrets", nil))
			}})
		reach = append(reach, "secrets")
	}
	steps = append(steps, r.appSteps(reach)...)
	steps = append(steps, r.contactSteps(reach)...)
	steps = append(steps, r.customerSteps(reach)...)
	steps = append(steps, r.lookupStep(reach))
	steps = append(steps, r.ipStep(reach))
	return steps
}

// fail fills st from a failed call: errcode, WeCom's text, and the fix —
// fixes[code] when this step knows better than the generic hint.
func (r *checkRun) fail(st *CheckStep, api string, err error, fixes map[int]usererr.Message) {
	st.Status, st.API = StatusFailed, api
	var we *wecom.Error
	if !errors.As(err, &we) {
		st.Detail = msg("check_error", usererr.Args{"error": logging.Redact(err.Error())})
		st.fix(msg("check_fix_request", nil))
		return
	}
	st.Errcode = we.Code
	h := wecom.Hint(we.Code, we.Msg)
	st.Detail = msg("check_wecom_error", usererr.Args{"errcode": we.Code, "title": h.Meaning, "titleEn": h.Meaning, "errmsg": logging.Redact(we.Msg)})
	st.fix(wecomFix(h))
	if f, ok := fixes[we.Code]; ok {
		st.fix(f)
	}
	if ip := wecom.IPFromErrMsg(we.Msg); ip != "" && r.egressIP == "" {
		r.egressIP = ip
	}
}

// wecomFix is the errcode table's fix for h (backend/usererr/catalogue_wecom.go).
func wecomFix(h wecom.ErrorHint) usererr.Message {
	return msg("check_fix_wecom", usererr.Args{"errcode": h.Code, "fix": h.Fix, "fixEn": h.Fix})
}

func joinMax(list []string, n int) string {
	if len(list) <= n {
		return strings.Join(list, ", ")
	}
	return strings.Join(list[:n], ", ") + fmt.Sprintf(" … (+%d)", len(list)-n)
}
