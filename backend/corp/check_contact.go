package corp

import (
	"context"
	"fmt"
)

func notConfigured(zh, en string) func(context.Context, *CheckStep) {
	return func(_ context.Context, st *CheckStep) {
		st.Status, st.Detail, st.DetailEN = StatusNA, zh, en
	}
}

func (r *checkRun) contactSteps(reach []string) []stepDef {
	cred := r.cfg.cred.Contact
	title, titleEN := "通讯录同步 Secret 获取 access_token", "Directory sync Secret: get access_token"
	if r.cfg.row.ContactSecretEnc == "" {
		return []stepDef{{key: "contact:token", title: title, titleEN: titleEN,
			run: notConfigured("未配置通讯录同步 Secret（只读模式可不填）", "No directory sync Secret (optional when read-only)")}}
	}
	fixes := map[int][2]string{
		40013: appTokenFixes("", r.cfg.row.CorpID)[40013],
		40001: {"通讯录同步 Secret 不对（或已重置）：到 安全与管理 → 管理工具 → 通讯录同步 → Secret 点“查看”重新获取并粘贴。",
			"The directory sync Secret is wrong (or was reset): view it again under 安全与管理 → 管理工具 → 通讯录同步 → Secret and paste it."},
	}
	return []stepDef{
		{key: "contact:token", title: title, titleEN: titleEN, needs: reach,
			run: func(ctx context.Context, st *CheckStep) { r.tokenStep(ctx, st, cred, fixes) }},
		{key: "contact:departments", needs: []string{"contact:token"},
			title: "通讯录同步 Secret 读取部门列表", titleEN: "Directory sync Secret: list departments",
			run: func(ctx context.Context, st *CheckStep) {
				st.API = "department/simplelist"
				depts, err := r.client.ListDepartmentIDs(ctx, cred, 0)
				if err != nil {
					// 48009 and 60020 quote our outgoing IP; wecom.Hint puts it in the fix.
					r.fail(st, "department/simplelist", err, nil)
					return
				}
				mode, modeEN := "只读", "read-only"
				if r.cfg.cred.ContactWritable {
					mode, modeEN = "读写", "read-write"
				}
				st.Detail = fmt.Sprintf("通讯录共 %d 个部门（权限：%s）", len(depts), mode)
				st.DetailEN = fmt.Sprintf("%d departments in the directory (permission: %s)", len(depts), modeEN)
			}},
	}
}

func (r *checkRun) customerSteps(reach []string) []stepDef {
	cred := r.cfg.cred.Customer
	title, titleEN := "客户联系 Secret 获取 access_token", "Customer contact Secret: get access_token"
	if r.cfg.row.CustomerSecretEnc == "" {
		return []stepDef{{key: "customer:token", title: title, titleEN: titleEN,
			run: notConfigured("未配置客户联系 Secret（可选）", "No customer contact Secret (optional)")}}
	}
	fixes := map[int][2]string{
		40013: appTokenFixes("", r.cfg.row.CorpID)[40013],
		40001: {"客户联系 Secret 不对（或已重置）：到 客户与上下游 → 客户联系 → API → Secret 点“查看”重新获取。2023-12-01 后新企业须改用自建应用调用客户联系接口。",
			"The customer contact Secret is wrong (or was reset): view it again under 客户联系 → API → Secret. Corps created after 2023-12-01 must use a self-built app instead."},
	}
	return []stepDef{{key: "customer:token", title: title, titleEN: titleEN, needs: reach,
		run: func(ctx context.Context, st *CheckStep) { r.tokenStep(ctx, st, cred, fixes) }}}
}

// ipStep fetches WeCom's API IP list for firewall rules (云桥 9.4). It needs
// any credential whose gettoken passed.
func (r *checkRun) ipStep(reach []string) stepDef {
	return stepDef{key: "api_ips", title: "企业微信 API IP 清单（用于防火墙）", titleEN: "WeCom API IP list (for firewall rules)", needs: reach,
		run: func(ctx context.Context, st *CheckStep) {
			st.API = "get_api_domain_ip"
			if r.working == nil {
				st.Status = StatusSkipped
				st.Detail, st.DetailEN = "未检查：没有一个 Secret 能获取 access_token。", "Not checked: no Secret could get an access_token."
				return
			}
			ips, err := r.client.GetAPIDomainIP(ctx, *r.working)
			if err != nil {
				r.fail(st, "get_api_domain_ip", err, nil)
				return
			}
			r.apiIPs = ips
			st.Detail = fmt.Sprintf("%d 个地址：%s。只开放部分出口IP时，请放行这些地址的 443 端口；清单会变化，建议定期重新查看。", len(ips), joinMax(ips, 8))
			st.DetailEN = fmt.Sprintf("%d addresses: %s. If outbound traffic is restricted, allow port 443 to these; the list changes, so look again from time to time.", len(ips), joinMax(ips, 8))
		}}
}
