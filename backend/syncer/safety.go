package syncer

import (
	"fmt"
	"slices"
	"strings"

	"wecom-bridge/backend/usererr"
)

// Verdict is the safety check of a plan (安全设置).
type Verdict struct {
	// Blocked plans apply only when confirmed: with the number of removals
	// when ConfirmRemovals, with the number of creates when ConfirmCreates.
	Blocked bool `json:"blocked"`
	// ConfirmRemovals: a removal rule blocks (removals, percent, drop, read errors).
	ConfirmRemovals bool `json:"confirmRemovals"`
	// ConfirmCreates: a growth rule blocks (creates, growth percent).
	ConfirmCreates bool `json:"confirmCreates"`
	// HardBlocked plans never apply: the source has no users, so the plan
	// would empty the target.
	HardBlocked bool      `json:"hardBlocked"`
	Reasons     []Warning `json:"reasons"`
}

// check applies the thresholds of s to a plan's summary and inputs.
func check(d Direction, s Safety, sum Summary, in *Inputs) Verdict {
	var v Verdict
	block := func(code string, args usererr.Args) {
		v.Blocked = true
		v.Reasons = append(v.Reasons, Warning{Message: usererr.Msg(code, args)})
	}
	// The side the plan reads and the side it changes, in each language.
	source, target := usererr.Msg("sync_side_local", nil), usererr.Msg("sync_side_wecom", nil)
	if d == FromWeCom {
		source, target = target, source
	}
	if sum.SourceUsers == 0 && sum.Removals > 0 {
		v.HardBlocked = true
		block("empty_source", usererr.Args{"source": source, "target": target, "removals": sum.Removals})
	}
	if len(in.SourceErrors) > 0 {
		list := in.SourceErrors
		if len(list) > 5 {
			list = list[:5:5]
		}
		block("source_errors", usererr.Args{"errors": strings.Join(list, "; "), "more": len(in.SourceErrors) - len(list)})
	}
	if s.MaxRemovals > 0 && sum.Removals > s.MaxRemovals {
		block("removals_count", usererr.Args{"removals": sum.Removals, "max": s.MaxRemovals})
	}
	if s.MaxRemovalPercent > 0 && sum.Removals > 0 {
		base := max(sum.TargetUsers, 1)
		if pct := float64(sum.Removals) * 100 / float64(base); pct > s.MaxRemovalPercent {
			block("removals_percent", usererr.Args{"removals": sum.Removals, "target": target, "users": sum.TargetUsers,
				"percent": fmt.Sprintf("%.1f", pct), "max": fmt.Sprintf("%.1f", s.MaxRemovalPercent)})
		}
	}
	if s.MaxUserDrop > 0 && in.LastRunUserCount > 0 && in.LastRunUserCount-sum.UsersAfter > s.MaxUserDrop {
		block("user_drop", usererr.Args{"target": target, "last": in.LastRunUserCount, "after": sum.UsersAfter,
			"drop": in.LastRunUserCount - sum.UsersAfter, "max": s.MaxUserDrop})
	}
	creates := sum.Creates()
	if s.MaxCreates > 0 && creates > s.MaxCreates {
		block("creates_count", usererr.Args{"target": target, "creates": creates, "max": s.MaxCreates})
	}
	if grow := sum.UsersAfter - sum.TargetUsers; s.MaxGrowthPercent > 0 && creates > 0 && grow > 0 {
		if pct := float64(grow) * 100 / float64(max(sum.TargetUsers, 1)); pct > s.MaxGrowthPercent {
			block("growth_percent", usererr.Args{"target": target, "users": sum.TargetUsers, "after": sum.UsersAfter,
				"percent": fmt.Sprintf("%.0f", pct), "max": fmt.Sprintf("%.0f", s.MaxGrowthPercent), "creates": creates})
		}
	}
	v.settle()
	return v
}

// createCodes are the reasons a typed number of creates confirms.
var createCodes = []string{"creates_count", "growth_percent"}

// settle sets which confirmations the reasons ask for.
func (v *Verdict) settle() {
	v.ConfirmRemovals, v.ConfirmCreates = false, false
	for _, r := range v.Reasons {
		if slices.Contains(createCodes, r.Code) {
			v.ConfirmCreates = true
		} else {
			v.ConfirmRemovals = true
		}
	}
}

// Creates is the number of members (accounts) a plan creates.
func (s Summary) Creates() int { return s.Counts[OpCreateUser] + s.Counts[OpLocalCreateAccount] }
