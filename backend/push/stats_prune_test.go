package push

import (
	"testing"
	"time"
)

// TestStatsByDayAndSource: 6 rows a day over 5 days; per-day buckets cover
// every day of the range (local days), per-source buckets the sources, and
// sent/failed follow the statuses.
func TestStatsByDayAndSource(t *testing.T) {
	e := newEnv(t, envConfig{})
	day0 := time.Date(2024, 5, 1, 0, 0, 0, 0, simStart.Location()) // local midnight
	// 30 rows, one every 4 h, newest at 4 May 20:00 local: 1–4 May plus the
	// last 4 h of 30 April... so start the range at 1 May 00:00.
	seedLogs(t, e.svc, logSeed{n: 30, newest: day0.Add(4*24*time.Hour + 20*time.Hour), step: 4 * time.Hour, sources: []string{"oa", "hr", "crm"}})
	from, to := day0, day0.Add(7*24*time.Hour)
	days, err := e.svc.Stats(e.ctx, from, to, "day")
	if err != nil {
		t.Fatal(err)
	}
	if len(days) != 7 || days[0].Key != "2024-05-01" || days[6].Key != "2024-05-07" {
		t.Fatalf("days = %+v", days)
	}
	var sent, recalled, failed, noRule int
	for i := range 30 {
		switch seedStatus(i) {
		case StatusRecalled:
			recalled++
		case StatusFailed:
			failed++
		case StatusNoRule:
			noRule++
		default:
			sent++
		}
	}
	var gotSent, gotRecalled, gotFailed, gotNoRule int
	for i, d := range days {
		gotSent, gotRecalled, gotFailed, gotNoRule = gotSent+d.Sent, gotRecalled+d.Recalled, gotFailed+d.Failed, gotNoRule+d.NoRule
		if want := 6; i < 5 && d.total() != want {
			t.Errorf("%s has %d rows, want %d (one every 4 h, local days)", d.Key, d.total(), want)
		}
	}
	if gotSent != sent || gotRecalled != recalled || gotFailed != failed || gotNoRule != noRule {
		t.Errorf("sent/recalled/failed/no_rule = %d/%d/%d/%d, want %d/%d/%d/%d", gotSent, gotRecalled, gotFailed, gotNoRule, sent, recalled, failed, noRule)
	}
	srcs, err := e.svc.Stats(e.ctx, from, to, "source")
	if err != nil || len(srcs) != 3 {
		t.Fatalf("sources = %+v, %v", srcs, err)
	}
	total := 0
	for _, s := range srcs {
		total += s.total()
	}
	if total != 30 {
		t.Errorf("per-source total = %d", total)
	}
	if _, err := e.svc.Stats(e.ctx, from, to, "week"); err == nil {
		t.Error("group by week accepted")
	}
}

// TestPruneDeletesOldRowsInBatches: with 180 days kept, rows older are
// deleted with their chunks, recipients and search terms; newer rows and
// messages still waiting to be sent stay.
func TestPruneDeletesOldRowsInBatches(t *testing.T) {
	e := newEnv(t, envConfig{})
	e.svc.pruneSize = 50
	now := simStart
	seedLogs(t, e.svc, logSeed{n: 600, newest: now, step: 8 * time.Hour, chunks: true}) // 200 days
	e.st.DB.Exec(`INSERT INTO push_messages(source, payload, state, created_at) VALUES('oa', '{}', 'queued', ?)`, ms(now.Add(-190*24*time.Hour)))
	cutoff := ms(now.Add(-180 * 24 * time.Hour))
	var old int
	e.st.DB.Get(&old, `SELECT COUNT(*) FROM push_deliveries WHERE created_at < ?`, cutoff)
	n, err := e.svc.Prune(e.ctx, now)
	if err != nil || n != old || old <= e.svc.pruneSize {
		t.Fatalf("Prune = %d, %v; want %d (more than one batch)", n, err, old)
	}
	counts := map[string]int{}
	for _, table := range []string{"push_deliveries", "push_recipients", "push_chunks", "push_log_fts", "push_messages"} {
		var c int
		if err := e.st.DB.Get(&c, `SELECT COUNT(*) FROM `+table); err != nil {
			t.Fatal(err)
		}
		counts[table] = c
	}
	left := 600 - old
	want := map[string]int{"push_deliveries": left, "push_recipients": 2 * left, "push_chunks": left, "push_log_fts": left, "push_messages": left + 1}
	for k, v := range want {
		if counts[k] != v {
			t.Errorf("%s: %d rows left, want %d", k, counts[k], v)
		}
	}
	if page, _ := e.svc.ListLogs(e.ctx, Query{Search: "报销"}); page.Total == 0 {
		t.Error("search finds nothing after the prune")
	}
	set, _ := e.svc.Settings(e.ctx)
	set.RetentionDays = 1
	if err := e.svc.SaveSettings(e.ctx, set); err != nil {
		t.Fatal(err)
	}
	var older int
	e.st.DB.Get(&older, `SELECT COUNT(*) FROM push_deliveries WHERE created_at < ?`, ms(now.Add(-24*time.Hour)))
	if n, _ := e.svc.Prune(e.ctx, now); n != older || older != left-4 {
		t.Errorf("1-day retention pruned %d, want %d (the rows of the last 24 h, the one exactly 24 h old included, stay)", n, older)
	}
}

// TestStatsMatchesTheLog: the rollups the triggers keep give the same
// numbers as counting the log, for ranges with ragged edges, after status
// changes and after a prune.
func TestStatsMatchesTheLog(t *testing.T) {
	e := newEnv(t, envConfig{})
	now := simStart.Add(17 * time.Minute)
	seedLogs(t, e.svc, logSeed{n: 300, newest: now, step: 37 * time.Minute, sources: []string{"oa", "hr", "日报"}})
	e.st.DB.Exec(`UPDATE push_deliveries SET status = 'recalled' WHERE id % 7 = 0`)
	e.st.DB.Exec(`UPDATE push_deliveries SET status = 'failed' WHERE id % 11 = 0`)
	set, _ := e.svc.Settings(e.ctx)
	set.RetentionDays = 5
	e.svc.SaveSettings(e.ctx, set)
	if _, err := e.svc.Prune(e.ctx, now); err != nil {
		t.Fatal(err)
	}
	type row struct {
		At     int64  `db:"created_at"`
		Source string `db:"source"`
		Status string `db:"status"`
	}
	var rows []row
	e.st.DB.Select(&rows, `SELECT created_at, source, status FROM push_deliveries`)
	loc := simStart.Location()
	for _, r := range [][2]time.Time{
		{now.Add(-7 * 24 * time.Hour), now.Add(time.Hour)},
		{now.Add(-50*time.Hour - 13*time.Minute), now.Add(-3*time.Hour - 41*time.Minute)},
		{now.Add(-5*time.Hour - 10*time.Minute), now.Add(-5*time.Hour + 10*time.Minute)},
		{time.Date(2024, 5, 3, 0, 0, 0, 0, loc), time.Date(2024, 5, 6, 0, 0, 0, 0, loc)},
	} {
		from, to := r[0], r[1]
		wantDay, wantSrc := map[string]StatsBucket{}, map[string]StatsBucket{}
		for _, x := range rows {
			if x.At < ms(from) || x.At >= ms(to) {
				continue
			}
			day := fromMS(x.At).In(loc).Format("2006-01-02")
			b := wantDay[day]
			b.add(x.Status, 1)
			wantDay[day] = b
			b = wantSrc[x.Source]
			b.add(x.Status, 1)
			wantSrc[x.Source] = b
		}
		days, err := e.svc.Stats(e.ctx, from, to, "day")
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range days {
			w := wantDay[d.Key]
			if w.Key = d.Key; d != w {
				t.Errorf("%v–%v day %s: %+v, want %+v", from, to, d.Key, d, w)
			}
			delete(wantDay, d.Key)
		}
		if len(wantDay) > 0 {
			t.Errorf("%v–%v: days missing: %v", from, to, wantDay)
		}
		srcs, _ := e.svc.Stats(e.ctx, from, to, "source")
		for _, s := range srcs {
			w := wantSrc[s.Key]
			if s.Sent != w.Sent || s.Recalled != w.Recalled || s.Failed != w.Failed || s.NoRule != w.NoRule {
				t.Errorf("%v–%v source %s: %+v, want %+v", from, to, s.Key, s, w)
			}
			delete(wantSrc, s.Key)
		}
		if len(wantSrc) > 0 {
			t.Errorf("%v–%v: sources missing: %v", from, to, wantSrc)
		}
	}
}
