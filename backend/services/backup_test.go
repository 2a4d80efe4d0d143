package services

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/jmoiron/sqlx"

	"wecom-bridge/backend/backup"
	"wecom-bridge/backend/syncer"
	"wecom-bridge/backend/wecom/wecomsim"
)

// A backup taken while an apply writes to WeCom and journals each operation
// is a transaction-consistent snapshot: restored into a new data directory it
// passes SQLite's integrity and foreign-key checks, it holds the run as it
// stood at that moment (running, some operations done, its counters never
// ahead of its journal), and the app opens it, showing the run as
// interrupted, ready to resume.
func TestBackupDuringAnApplyIsConsistentAndRestorable(t *testing.T) {
	t.Setenv("WECOM_BRIDGE_KEYSTORE", "file")
	s := openTest(t)
	ctx := context.Background()
	c, err := s.StartDemo(ctx)
	if err != nil {
		t.Fatal(err)
	}
	importSample(t, s)
	if _, err := s.Pull(ctx, c.ID, 0, "manual", "test"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Rematch(ctx, c.ID, "test"); err != nil {
		t.Fatal(err)
	}
	plan, err := s.PlanSync(ctx, c.ID, syncer.ToWeCom, "test")
	if err != nil || plan.Summary.Total < 4 {
		t.Fatalf("plan: %v %+v", err, plan)
	}
	// Slow WeCom down so the apply is still running when the backup is taken.
	s.Corps.DemoSim().SetFaults(wecomsim.Faults{Default: wecomsim.Fault{Latency: 40 * time.Millisecond}})
	applied := make(chan error, 1)
	go func() {
		_, err := s.ApplySync(ctx, plan.ID, syncer.Confirm{Removals: plan.Summary.Removals, Creates: plan.Summary.Creates()}, "test")
		applied <- err
	}()
	// Wait for the first journaled operation, then back up mid-apply.
	for deadline := time.Now().Add(30 * time.Second); ; {
		var done int
		s.Store.DB.Get(&done, `SELECT COUNT(*) FROM sync_ops WHERE plan_id = ? AND state = 'done'`, plan.ID)
		if done > 0 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("the apply journaled nothing")
		}
		time.Sleep(5 * time.Millisecond)
	}
	res, err := s.Backup(ctx, backup.KindManual, "")
	if err != nil {
		t.Fatal(err)
	}
	if err := <-applied; err != nil {
		t.Fatalf("apply: %v", err)
	}

	dst := t.TempDir()
	if _, err := backup.Restore(ctx, dst, res.Path, backup.Options{}); err != nil {
		t.Fatal(err)
	}
	db, err := sqlx.Open("sqlite", "file:"+filepath.Join(dst, "bridge.db")+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	var integrity string
	var fkProblems int
	db.Get(&integrity, `PRAGMA integrity_check`)
	db.Get(&fkProblems, `SELECT COUNT(*) FROM pragma_foreign_key_check`)
	var run struct {
		Status string `db:"status"`
		Done   int    `db:"done"`
	}
	if err := db.Get(&run, `SELECT status, done FROM sync_runs WHERE plan_id = ?`, plan.ID); err != nil {
		t.Fatalf("the run is not in the backup: %v", err)
	}
	var journaled int
	db.Get(&journaled, `SELECT COUNT(*) FROM sync_ops WHERE plan_id = ? AND state = 'done'`, plan.ID)
	db.Close()
	if integrity != "ok" || fkProblems != 0 {
		t.Fatalf("integrity %q, %d foreign-key problems", integrity, fkProblems)
	}
	if run.Status != "running" || journaled == 0 || journaled >= plan.Summary.Total || run.Done > journaled {
		t.Fatalf("the snapshot is not mid-apply or is torn: run %+v, %d of %d operations journaled", run, journaled, plan.Summary.Total)
	}
	restored, err := Open(ctx, dst, ModeServe, nil)
	if err != nil {
		t.Fatalf("the restored data directory does not open: %v", err)
	}
	defer restored.Close()
	hist, err := restored.Sync.Runs(ctx, c.ID, syncer.HistoryQuery{Limit: 5})
	if err != nil || hist.Total != 1 || hist.Entries[0].Status != "interrupted" {
		t.Fatalf("restored history: %+v %v", hist, err)
	}
}

// The daily backup is due on a fresh data directory and a day after the
// newest daily archive; it keeps the newest Keep archives; a manual one
// (encrypted here) is never pruned.
func TestDailyBackupRetention(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	set, err := s.BackupSettings(ctx)
	if err != nil || !set.Daily || set.Keep != DefaultBackupKeep {
		t.Fatalf("defaults %+v %v", set, err)
	}
	if err := s.SetBackupSettings(ctx, BackupSettings{Daily: true, Keep: 0}); err == nil || !strings.Contains(err.Error(), "between 1 and 90") {
		t.Fatalf("keep 0: %v", err)
	}
	if err := s.SetBackupSettings(ctx, BackupSettings{Daily: true, Keep: 2}); err != nil {
		t.Fatal(err)
	}
	if due, _ := s.dailyBackupDue(ctx, time.Now()); !due {
		t.Fatal("no daily archive yet: a backup is due")
	}
	if _, err := s.Backup(ctx, backup.KindManual, "a long passphrase"); err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 3; i++ {
		if _, err := s.Backup(ctx, backup.KindDaily, ""); err != nil {
			t.Fatal(err)
		}
		time.Sleep(2 * time.Millisecond) // names carry milliseconds
	}
	if due, _ := s.dailyBackupDue(ctx, time.Now()); due {
		t.Fatal("a daily archive was just made: none is due")
	}
	if due, _ := s.dailyBackupDue(ctx, time.Now().Add(24*time.Hour)); !due {
		t.Fatal("a day later a backup is due")
	}
	st, err := s.BackupState(ctx)
	if err != nil {
		t.Fatal(err)
	}
	daily, manual := 0, 0
	for _, a := range st.Archives {
		if _, err := os.Stat(a.Path); err != nil {
			t.Fatal(err)
		}
		switch a.Kind {
		case backup.KindDaily:
			daily++
		case backup.KindManual:
			manual++
			if !a.Encrypted {
				t.Fatal("the manual archive is not marked encrypted")
			}
		}
	}
	if daily != 2 || manual != 1 {
		t.Fatalf("kept %d daily and %d manual archives, want 2 and 1", daily, manual)
	}
	s.SetBackupSettings(ctx, BackupSettings{Daily: false, Keep: 2})
	if due, _ := s.dailyBackupDue(ctx, time.Now().Add(48*time.Hour)); due {
		t.Fatal("the schedule is off: nothing is due")
	}
}
