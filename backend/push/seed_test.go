package push

import (
	"context"
	"fmt"
	"testing"
	"time"
)

// logSeed describes generated push log rows: n deliveries (one message each),
// the newest at newest and one every step before it, sources round-robin,
// statuses in a fixed pattern, realistic mixed Chinese/English titles and
// one or two recipients each.
type logSeed struct {
	n       int
	newest  time.Time
	step    time.Duration
	sources []string
	chunks  bool // also write one journal chunk per delivery
}

var seedSubjects = []string{"报销单审批通过", "请假申请待审批", "周报：本周工作总结", "系统告警：CPU 使用率过高", "合同待签署",
	"Build failed on main", "Weekly report ready", "会议提醒：项目例会", "订单已发货", "考勤异常提醒", "出差申请已驳回",
	"采购订单待确认", "服务器磁盘空间不足", "Release v2 deployed", "新员工入职通知", "客户投诉工单", "发票已开具", "日报提交提醒"}

var seedNames = []string{"张伟", "王芳", "李娜", "刘洋", "陈静", "杨磊", "赵敏", "黄强", "周杰", "吴霞", "Alice", "Bob"}

// seedStatus scatters statuses (hashed, so they do not follow the source
// or the subject): 1% recalled, 2% no_rule, 5% failed, 5% partial.
func seedStatus(i int) string {
	switch h := (i * 7919) % 100; {
	case h < 1:
		return StatusRecalled
	case h < 3:
		return StatusNoRule
	case h < 8:
		return StatusFailed
	case h < 13:
		return StatusPartial
	}
	return StatusSent
}

func seedTitle(i int) string {
	return fmt.Sprintf("【%s】%s #%d", seedNames[(i/7)%len(seedNames)], seedSubjects[i%len(seedSubjects)], i)
}

// seedLogs bulk-inserts the rows in transactions of 20,000.
func seedLogs(t testing.TB, svc *Service, s logSeed) {
	st := svc.st
	t.Helper()
	ctx := context.Background()
	if len(s.sources) == 0 {
		s.sources = []string{"oa"}
	}
	var base int64
	st.DB.Get(&base, `SELECT COALESCE(MAX(id), 0) FROM push_messages`)
	const batch = 20000
	for lo := 0; lo < s.n; lo += batch {
		hi := min(lo+batch, s.n)
		tx, err := st.DB.BeginTxx(ctx, nil)
		if err != nil {
			t.Fatal(err)
		}
		var msgs, dels, fts, recips, chunks [][]any
		for i := lo; i < hi; i++ {
			id := base + int64(i) + 1
			did := id << deliveryIDShift
			at := ms(s.newest.Add(-time.Duration(s.n-1-i) * s.step))
			src := s.sources[i%len(s.sources)]
			status := seedStatus(i)
			title := seedTitle(i)
			var sent any
			if status != StatusNoRule && status != StatusFailed {
				sent = at
			}
			msgs = append(msgs, []any{id, src, "{}", stateDone, at})
			dels = append(dels, []any{did, id, at, src, "rule " + src, 1, 1000002, "textcard", title, status, 2, `["m` + fmt.Sprint(id) + `"]`, sent})
			fts = append(fts, []any{did, unigrams(title), bigrams(title)})
			u := fmt.Sprintf("u%04d", i%5000)
			recips = append(recips, []any{did, 0, "account", "acc-" + u, u, recipOK}, []any{did, 1, "userid", fmt.Sprintf("v%04d", i%3000), fmt.Sprintf("v%04d", i%3000), recipOK})
			if s.chunks {
				chunks = append(chunks, []any{did, 0, u, "sent", "m" + fmt.Sprint(id), sent})
			}
		}
		for _, ins := range []struct {
			table string
			cols  []string
			rows  [][]any
		}{
			{"push_messages", []string{"id", "source", "payload", "state", "created_at"}, msgs},
			{"push_deliveries", []string{"id", "message_id", "created_at", "source", "rule_name", "corp_id", "agent_id", "msgtype", "title", "status", "recipient_count", "msgids", "sent_at"}, dels},
			{"push_log_fts", []string{"rowid", "uni", "bi"}, fts},
			{"push_recipients", []string{"delivery_id", "seq", "kind", "name", "userid", "state"}, recips},
			{"push_chunks", []string{"delivery_id", "seq", "touser", "state", "msgid", "sent_at"}, chunks},
		} {
			if len(ins.rows) == 0 {
				continue
			}
			if err := svc.insertRows(ctx, tx, ins.table, ins.cols, ins.rows); err != nil {
				t.Fatal(err)
			}
		}
		if err := tx.Commit(); err != nil {
			t.Fatal(err)
		}
	}
}
