package corp

import (
	"context"

	"wecom-bridge/backend/usererr"
)

func notConfigured(detail usererr.Message) func(context.Context, *CheckStep) {
	return func(_ context.Context, st *CheckStep) {
		st.Status, st.Detail = StatusNA, detail
	}
}

func (r *checkRun) contactSteps(reach []string) []stepDef {
	cred := r.cfg.cred.Contact
	title := msg("check_title_contact_token", nil)
	if r.cfg.row.ContactSecretEnc == "" {
		return []stepDef{{key: "contact:token", title: title, run: notConfigured(msg("check_contact_unset", nil))}}
	}
	fixes := map[int]usererr.Message{
		40013: corpIDFix(r.cfg.row.CorpID),
		40001: msg("check_fix_contact_secret", nil),
	}
	return []stepDef{
		{key: "contact:token", title: title, needs: reach,
			run: func(ctx context.Context, st *CheckStep) { r.tokenStep(ctx, st, cred, fixes) }},
		{key: "contact:departments", needs: []string{"contact:token"},
			title: msg("check_title_contact_departments", nil),
			run: func(ctx context.Context, st *CheckStep) {
				st.API = "department/simplelist"
				depts, err := r.client.ListDepartmentIDs(ctx, cred, 0)
				if err != nil {
					// 48009 and 60020 quote our outgoing IP; wecom.Hint puts it in the fix.
					r.fail(st, "department/simplelist", err, nil)
					return
				}
				st.Detail = msg("check_contact_departments", usererr.Args{"count": len(depts), "writable": r.cfg.cred.ContactWritable})
			}},
	}
}

func (r *checkRun) customerSteps(reach []string) []stepDef {
	cred := r.cfg.cred.Customer
	title := msg("check_title_customer_token", nil)
	if r.cfg.row.CustomerSecretEnc == "" {
		return []stepDef{{key: "customer:token", title: title, run: notConfigured(msg("check_customer_unset", nil))}}
	}
	fixes := map[int]usererr.Message{
		40013: corpIDFix(r.cfg.row.CorpID),
		40001: msg("check_fix_customer_secret", nil),
	}
	return []stepDef{{key: "customer:token", title: title, needs: reach,
		run: func(ctx context.Context, st *CheckStep) { r.tokenStep(ctx, st, cred, fixes) }}}
}

// ipStep fetches WeCom's API IP list for firewall rules (云桥 9.4). It needs
// any credential whose gettoken passed.
func (r *checkRun) ipStep(reach []string) stepDef {
	return stepDef{key: "api_ips", title: msg("check_title_api_ips", nil), needs: reach,
		run: func(ctx context.Context, st *CheckStep) {
			st.API = "get_api_domain_ip"
			if r.working == nil {
				st.Status = StatusSkipped
				st.Detail = msg("check_ips_no_token", nil)
				return
			}
			ips, err := r.client.GetAPIDomainIP(ctx, *r.working)
			if err != nil {
				r.fail(st, "get_api_domain_ip", err, nil)
				return
			}
			r.apiIPs = ips
			st.Detail = msg("check_api_ips", usererr.Args{"count": len(ips), "ips": joinMax(ips, 8)})
		}}
}
