package syncer

import (
	"fmt"
	"slices"
	"strings"
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
	block := func(code, zh, en string) {
		v.Blocked = true
		v.Reasons = append(v.Reasons, Warning{Code: code, ZH: zh, EN: en})
	}
	source, target := "本地目录", "企业微信"
	sourceEN, targetEN := "the local directory", "WeCom"
	if d == FromWeCom {
		source, target, sourceEN, targetEN = target, source, targetEN, sourceEN
	}
	if sum.SourceUsers == 0 && sum.Removals > 0 {
		v.HardBlocked = true
		block("empty_source",
			fmt.Sprintf("%s中没有（同步范围内的）在职用户，而本计划会移除%s中的 %d 名用户：这通常是导入失败或读取出错。为防止清空%s，此计划不能执行。请检查数据源后重新预览。",
				source, target, sum.Removals, target),
			fmt.Sprintf("%s has no active users (in scope), yet this plan would remove %d users from %s: usually a failed import or read. "+
				"To never empty %s, this plan cannot be applied. Check the source, then preview again", sourceEN, sum.Removals, targetEN, targetEN))
	}
	if len(in.SourceErrors) > 0 {
		list := in.SourceErrors
		if len(list) > 5 {
			list = append(list[:5:5], fmt.Sprintf("… %d more", len(in.SourceErrors)-5))
		}
		block("source_errors",
			"读取数据时有错误，计划可能不完整（例如把未读到的用户当作已删除）："+strings.Join(list, "；")+"。请修复后重新预览，或确认移除数量后执行。",
			"reading the data failed part-way, so the plan may be incomplete (users that were not read look deleted): "+strings.Join(list, "; ")+
				". Fix it and preview again, or confirm the number of removals to apply anyway")
	}
	if s.MaxRemovals > 0 && sum.Removals > s.MaxRemovals {
		block("removals_count",
			fmt.Sprintf("本计划会禁用或删除 %d 名用户，超过了安全阈值 %d。请核对后输入移除数量确认执行。", sum.Removals, s.MaxRemovals),
			fmt.Sprintf("this plan disables or deletes %d users, more than the safety threshold of %d: review it, then confirm the number of removals to apply", sum.Removals, s.MaxRemovals))
	}
	if s.MaxRemovalPercent > 0 && sum.Removals > 0 {
		base := max(sum.TargetUsers, 1)
		if pct := float64(sum.Removals) * 100 / float64(base); pct > s.MaxRemovalPercent {
			block("removals_percent",
				fmt.Sprintf("本计划会移除 %d 名用户，占%s现有 %d 名在职用户的 %.1f%%，超过了安全阈值 %.1f%%。", sum.Removals, target, sum.TargetUsers, pct, s.MaxRemovalPercent),
				fmt.Sprintf("this plan removes %d users, %.1f%% of the %d active users in %s, more than the safety threshold of %.1f%%", sum.Removals, pct, sum.TargetUsers, targetEN, s.MaxRemovalPercent))
		}
	}
	if s.MaxUserDrop > 0 && in.LastRunUserCount > 0 && in.LastRunUserCount-sum.UsersAfter > s.MaxUserDrop {
		drop := in.LastRunUserCount - sum.UsersAfter
		block("user_drop",
			fmt.Sprintf("同步后%s的在职用户将从上次的 %d 名减少到 %d 名（减少 %d），超过了阈值 %d。", target, in.LastRunUserCount, sum.UsersAfter, drop, s.MaxUserDrop),
			fmt.Sprintf("after this plan %s would have %d active users, %d fewer than after the last run (%d), more than the threshold of %d", targetEN, sum.UsersAfter, drop, in.LastRunUserCount, s.MaxUserDrop))
	}
	creates := sum.Creates()
	if s.MaxCreates > 0 && creates > s.MaxCreates {
		block("creates_count",
			fmt.Sprintf("本计划会在%s中新建 %d 名用户，超过了安全阈值 %d。请核对同步范围（本地目录由所有企业共用）后输入新建数量确认执行。", target, creates, s.MaxCreates),
			fmt.Sprintf("this plan creates %d users in %s, more than the safety threshold of %d: check the sync scope (the local directory is shared by every corp), then confirm the number of creates to apply", creates, targetEN, s.MaxCreates))
	}
	if grow := sum.UsersAfter - sum.TargetUsers; s.MaxGrowthPercent > 0 && creates > 0 && grow > 0 {
		if pct := float64(grow) * 100 / float64(max(sum.TargetUsers, 1)); pct > s.MaxGrowthPercent {
			block("growth_percent",
				fmt.Sprintf("同步后%s的在职用户将从 %d 名增加到 %d 名（增加 %.0f%%），超过了安全阈值 %.0f%%。请核对后输入新建数量（%d）确认执行。", target, sum.TargetUsers, sum.UsersAfter, pct, s.MaxGrowthPercent, creates),
				fmt.Sprintf("after this plan %s would grow from %d to %d active users (+%.0f%%), more than the safety threshold of %.0f%%: review it, then confirm the number of creates (%d) to apply", targetEN, sum.TargetUsers, sum.UsersAfter, pct, s.MaxGrowthPercent, creates))
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
