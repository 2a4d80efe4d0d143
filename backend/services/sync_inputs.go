package services

import (
	"context"
	"fmt"
	"strings"
	"time"

	"wecom-bridge/backend/directory"
	"wecom-bridge/backend/mirror"
	"wecom-bridge/backend/syncer"
	"wecom-bridge/backend/usererr"
	"wecom-bridge/backend/wecom"
)

// GatherSyncInputs reads the desired and observed state of a sync as it is
// now: the local directory, the pulled WeCom mirror and the confirmed bindings.
// A mirror whose last pull failed part-way is reported as a source error, so
// the plan blocks instead of treating missing members as leavers.
func (s *Services) GatherSyncInputs(ctx context.Context, corpID int64, d syncer.Direction) (syncer.Inputs, error) {
	var in syncer.Inputs
	sum, err := s.Mirror.Summary(ctx, corpID)
	if err != nil {
		return in, err
	}
	if !sum.HasMirror {
		return in, usererr.New("not_pulled", nil)
	}
	if sum.LastRun != nil && sum.LastRun.Status != mirror.StatusOK {
		in.SourceErrors = append(in.SourceErrors, fmt.Sprintf("the last WeCom pull (run %d) ended %s: %s", sum.LastRun.ID, sum.LastRun.Status, sum.LastRun.Error))
	}
	in.WeComFieldsWithheld = sum.PrivacyRestricted
	if sum.PulledAt != nil {
		in.WeComReadAt = *sum.PulledAt
	}
	if err := s.gatherLocal(ctx, &in); err != nil {
		return in, err
	}
	if err := s.gatherWeCom(ctx, corpID, &in); err != nil {
		return in, err
	}
	if in.Bindings, err = s.Review.ConfirmedPairs(ctx, corpID); err != nil {
		return in, err
	}
	view, err := s.Review.ForSync(ctx, corpID)
	if err != nil {
		return in, err
	}
	for _, r := range view.Rejected {
		in.Rejected = append(in.Rejected, syncer.Pair{Account: r[0], UserID: r[1]})
	}
	for _, r := range view.Open {
		in.Pending = append(in.Pending, syncer.PendingPair{State: r.State, Method: r.Method, Account: r.Account,
			UserID: r.UserID, Candidates: r.Candidates})
	}
	in.LastRunUserCount, err = s.Sync.LastRunUserCount(ctx, corpID, d)
	return in, err
}

func (s *Services) gatherLocal(ctx context.Context, in *syncer.Inputs) error {
	depts, err := s.Directory.AllDepartments(ctx)
	if err != nil {
		return err
	}
	for _, d := range depts {
		in.LocalDepts = append(in.LocalDepts, syncer.LocalDept{ID: d.ID, ParentID: d.ParentID, Name: d.Name, Path: d.Path})
	}
	accounts, err := s.Directory.AllAccounts(ctx)
	if err != nil {
		return err
	}
	in.LocalUsers = make([]syncer.LocalUser, 0, len(accounts))
	for _, a := range accounts {
		u := syncer.LocalUser{Account: a.Account, Name: a.Name, EmployeeNo: a.EmployeeNo, Mobile: a.Mobile,
			Email: a.Email, Position: a.Position, DeptPaths: a.DeptPaths, Resigned: a.Status == directory.StatusResigned,
			WeComUserID: a.WeComUserID}
		if a.ResignedAt != nil {
			u.ResignedAt = *a.ResignedAt
		}
		in.LocalUsers = append(in.LocalUsers, u)
	}
	return nil
}

func (s *Services) gatherWeCom(ctx context.Context, corpID int64, in *syncer.Inputs) error {
	depts, err := s.Mirror.Departments(ctx, corpID)
	if err != nil {
		return err
	}
	for _, d := range depts {
		in.WeComDepts = append(in.WeComDepts, syncer.WeComDept{ID: d.ID, ParentID: d.ParentID, Name: d.Name, Order: d.SortOrder})
	}
	users, err := s.Mirror.Users(ctx, corpID)
	if err != nil {
		return err
	}
	in.WeComUsers = make([]syncer.WeComUser, 0, len(users))
	for _, u := range users {
		enable := 0
		if u.Enable {
			enable = 1
		}
		in.WeComUsers = append(in.WeComUsers, syncer.WeComUser{UserID: u.UserID, Name: u.Name, Mobile: u.Mobile,
			Email: u.Email, Position: u.Position, Departments: u.Departments, MainDepartment: u.MainDepartment,
			Status: u.Status, Enable: enable, Alias: u.Alias})
	}
	return nil
}

// RefreshMirror pulls the corp's WeCom contacts when the mirror is older than
// the direction's RefreshMinutes (Terraform refreshes before it plans). A
// failed pull is not an error when an older mirror exists: the plan then
// carries the pull's failure as a source error and is blocked.
func (s *Services) RefreshMirror(ctx context.Context, corpID int64, d syncer.Direction) error {
	fresh, has, err := s.mirrorFresh(ctx, corpID, d)
	if err != nil || fresh {
		return err
	}
	if _, err := s.Pull(ctx, corpID, 0, mirror.TriggerManual, s.Actor); err != nil && !has {
		return err
	}
	return nil
}

// mirrorFresh reports whether the corp's mirror was pulled within the
// direction's RefreshMinutes, and whether there is a mirror at all.
func (s *Services) mirrorFresh(ctx context.Context, corpID int64, d syncer.Direction) (fresh, has bool, err error) {
	opt, err := s.Sync.GetOptions(ctx, corpID, d)
	if err != nil {
		return false, false, err
	}
	sum, err := s.Mirror.Summary(ctx, corpID)
	if err != nil {
		return false, false, err
	}
	fresh = sum.PulledAt != nil && time.Since(*sum.PulledAt) < time.Duration(opt.RefreshMinutes)*time.Minute
	return fresh, sum.HasMirror, nil
}

// SyncTargets builds the writers of an apply: WeCom through the 通讯录同步
// secret (to-wecom), the local directory (from-wecom).
func (s *Services) SyncTargets(ctx context.Context, corpID int64, d syncer.Direction) (syncer.Targets, error) {
	t := syncer.Targets{Local: localWriter{dir: s.Directory}}
	if d == syncer.ToWeCom {
		client, creds, err := s.Corps.Client(ctx, corpID)
		if err != nil {
			return t, err
		}
		if !creds.HasContact() {
			return t, usererr.New("no_contact_secret", nil)
		}
		if !creds.ContactWritable {
			return t, usererr.New("contact_read_only", nil)
		}
		t.WeCom = syncer.BindClient(client, creds.Contact)
		t.ReadBack = func(ctx context.Context) (*syncer.Observed, error) { return s.readBack(ctx, corpID) }
	}
	return t, nil
}

// readBack is a to-wecom apply's read-back: the mirror as the apply wrote
// it through, then one pull (D+2 calls), which replaces the mirror with
// what WeCom really holds.
func (s *Services) readBack(ctx context.Context, corpID int64) (*syncer.Observed, error) {
	var before syncer.Inputs
	if err := s.gatherWeCom(ctx, corpID, &before); err != nil {
		return nil, err
	}
	run, err := s.Pull(ctx, corpID, 0, mirror.TriggerManual, s.Actor)
	if err != nil {
		return nil, err
	}
	var after syncer.Inputs
	if err := s.gatherWeCom(ctx, corpID, &after); err != nil {
		return nil, err
	}
	return &syncer.Observed{Depts: after.WeComDepts, Users: after.WeComUsers, APICalls: run.APICalls, Withheld: run.PrivacyRestricted,
		Before: &syncer.Observed{Depts: before.WeComDepts, Users: before.WeComUsers}}, nil
}

// planner is what the scheduler calls to gather a run's inputs and writers.
// A forced full sync always pulls first; a regular one pulls when the mirror
// is older than the direction's RefreshMinutes, as a preview does (both
// directions: a from-WeCom sync must not apply an old mirror either).
func (s *Services) planner(ctx context.Context, corpID int64, d syncer.Direction, full bool) (syncer.Inputs, syncer.Targets, error) {
	fresh, _, err := s.mirrorFresh(ctx, corpID, d)
	if err != nil {
		return syncer.Inputs{}, syncer.Targets{}, err
	}
	if full || !fresh {
		if _, err := s.pullAsJob(ctx, corpID, mirror.TriggerSchedule, "system:schedule"); err != nil {
			return syncer.Inputs{}, syncer.Targets{}, err
		}
	}
	in, err := s.GatherSyncInputs(ctx, corpID, d)
	if err != nil {
		return in, syncer.Targets{}, err
	}
	t, err := s.SyncTargets(ctx, corpID, d)
	return in, t, err
}

// wecomNotifier tells a direction's configured admins (Options.Schedule.Notify)
// by an app message that a scheduled sync waits for review, and always logs it
// and tells the UI.
type wecomNotifier struct{ s *Services }

func (n wecomNotifier) NeedsReview(ctx context.Context, corpID int64, d syncer.Direction, plan *syncer.Plan, reason usererr.Message) error {
	n.s.Log.Warn("scheduled sync waits for review", "corp", corpID, "direction", d, "reason", reason.EN)
	n.s.Events.Emit("notice", map[string]any{"level": "warning", "message": reason, "at": time.Now().Format(time.RFC3339)})
	opt, err := n.s.Sync.GetOptions(ctx, corpID, d)
	if err != nil || len(opt.Schedule.Notify) == 0 {
		return err
	}
	client, creds, err := n.s.Corps.Client(ctx, corpID)
	if err != nil {
		return err
	}
	if len(creds.Apps) == 0 {
		return usererr.New("no_app_for_notice", nil)
	}
	// In the admin's UI language, as the exports are.
	notice := usererr.Msg("sync_notice_waits", usererr.Args{"direction": usererr.Msg("sync_direction_"+string(d), nil), "reason": reason})
	if plan != nil {
		notice = usererr.Msg("sync_notice_waits_plan", usererr.Args{"notice": notice, "plan": plan.ID, "ops": plan.Summary.Total})
	}
	text := notice.In(n.s.uiLanguage(ctx))
	_, err = client.SendMessage(ctx, creds.Apps[0], wecom.Message{
		ToUser: strings.Join(opt.Schedule.Notify, "|"), MsgType: "text", Text: &wecom.Text{Content: text},
	})
	return err
}
