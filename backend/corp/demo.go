package corp

import (
	"context"
	"fmt"
	"net"
	"net/url"
	"time"

	"wecom-bridge/backend/store"
	"wecom-bridge/backend/wecom"
	"wecom-bridge/backend/wecom/wecomsim"
)

// DemoName is the name of the demo corp; Corp.Demo marks it too.
const DemoName = "演示企业 (DEMO)"

// demoSim is the simulator behind the demo corp, running in this process.
type demoSim struct {
	sim  *wecomsim.Sim
	srv  *wecomsim.Server
	seed int64
}

// demoApps are the simulator apps the demo corp configures: the whole-corp
// app and the privacy-restricted one.
var demoApps = []int{wecomsim.AgentAll, wecomsim.AgentRestricted}

// demoOrg rebuilds the simulated org from its seed: the same seed, the same org.
func demoOrg(seed int64) *wecomsim.Org {
	if seed == wecomsim.DemoSeed {
		return wecomsim.DemoOrg()
	}
	return wecomsim.GenerateOrg(wecomsim.GenerateOptions{Seed: seed, Users: 500, Departments: 40})
}

// DemoSim returns the running demo simulator (nil when none), for tests and
// for the UI's "demo" tools (faults, clock).
func (s *Service) DemoSim() *wecomsim.Sim {
	s.demoMu.Lock()
	defer s.demoMu.Unlock()
	if s.demo == nil {
		return nil
	}
	return s.demo.sim
}

// StartDemo starts the WeCom simulator in this process (127.0.0.1, a free
// port) with the demo org (~500 members in 40 departments, namesakes, a
// whole-corp and a privacy-restricted app) and configures the demo corp
// against it, made active. Calling it again returns the existing demo corp.
func (s *Service) StartDemo(ctx context.Context) (*Corp, error) {
	existing, err := getCorpRowWhere(ctx, s.st.DB, `demo = 1`)
	if err != nil {
		return nil, err
	}
	if existing != nil {
		if err := s.resumeDemo(ctx); err != nil {
			return nil, err
		}
		if err := s.SetActive(ctx, existing.ID); err != nil {
			return nil, err
		}
		return s.Get(ctx, existing.ID)
	}
	seed := int64(wecomsim.DemoSeed)
	d, err := startDemoSim(seed, "")
	if err != nil {
		return nil, err
	}
	c, err := s.configureDemo(ctx, d)
	if err != nil {
		d.srv.Close()
		return nil, err
	}
	s.replaceDemo(d)
	return c, nil
}

// configureDemo stores the demo corp and its apps with the simulator's secrets.
func (s *Service) configureDemo(ctx context.Context, d *demoSim) (*Corp, error) {
	org := d.sim.Org()
	keys := GenerateCallbackKeys()
	res, err := s.SaveCorp(ctx, CorpInput{Name: DemoName, CorpID: org.CorpID, APIBaseURL: d.srv.URL,
		ContactPermission: PermissionWrite, ContactSecret: org.ContactSecret,
		CallbackToken: keys.Token, CallbackAESKey: keys.EncodingAESKey})
	if err != nil {
		return nil, err
	}
	if !res.OK {
		return nil, fmt.Errorf("demo corp: %v", res.Errors)
	}
	id := res.ID
	if _, err := s.st.DB.ExecContext(ctx, `UPDATE corps SET demo = 1, demo_seed = ? WHERE id = ?`, d.seed, id); err != nil {
		return nil, err
	}
	for _, a := range org.Apps {
		if !containsInt(demoApps, a.AgentID) {
			continue
		}
		k := GenerateCallbackKeys()
		r, err := s.SaveApp(ctx, AppInput{CorpRef: id, Name: a.Name, AgentID: fmt.Sprint(a.AgentID), Secret: a.Secret,
			CallbackToken: k.Token, CallbackAESKey: k.EncodingAESKey})
		if err != nil {
			s.deleteCorpNow(ctx, id)
			return nil, err
		}
		if !r.OK {
			s.deleteCorpNow(ctx, id)
			return nil, fmt.Errorf("demo app %s: %v", a.Name, r.Errors)
		}
	}
	if err := s.SetActive(ctx, id); err != nil {
		return nil, err
	}
	return s.Get(ctx, id)
}

// resumeDemo restarts the simulator of an existing demo corp with the same
// seed (so the same org) and points the corp at its new address. The old port
// is tried first, so the URL usually stays the same.
func (s *Service) resumeDemo(ctx context.Context) error {
	r, err := getCorpRowWhere(ctx, s.st.DB, `demo = 1`)
	if err != nil || r == nil {
		return err
	}
	s.demoMu.Lock()
	running := s.demo != nil && s.demo.srv.URL == r.APIBaseURL
	s.demoMu.Unlock()
	if running {
		return nil
	}
	seed := r.DemoSeed
	if seed == 0 {
		seed = wecomsim.DemoSeed
	}
	d, err := startDemoSim(seed, hostPort(r.APIBaseURL))
	if err != nil {
		return err
	}
	if _, err := s.st.DB.ExecContext(ctx, `UPDATE corps SET api_base_url = ?, updated_at = ? WHERE id = ?`,
		d.srv.URL, store.TimeOf(time.Now()), r.ID); err != nil {
		d.srv.Close()
		return err
	}
	// Tokens cached for the previous simulator are unknown to this one.
	org := d.sim.Org()
	tokens := s.st.Tokens(s.vault)
	tokens.DeleteToken(ctx, wecom.TokenKey(org.CorpID, org.ContactSecret))
	for _, a := range org.Apps {
		tokens.DeleteToken(ctx, wecom.TokenKey(org.CorpID, a.Secret))
	}
	s.forgetClient(r.ID)
	s.replaceDemo(d)
	s.log.Info("corp: demo simulator running", "url", d.srv.URL)
	return nil
}

// RemoveDemo stops the simulator and deletes the demo corp with everything
// that depends on it, in one call. Without a demo corp it does nothing.
func (s *Service) RemoveDemo(ctx context.Context) error {
	r, err := getCorpRowWhere(ctx, s.st.DB, `demo = 1`)
	if err != nil {
		return err
	}
	s.stopDemo()
	if r == nil {
		return nil
	}
	return s.removeCorp(ctx, r)
}

func startDemoSim(seed int64, preferAddr string) (*demoSim, error) {
	sim := wecomsim.New(demoOrg(seed))
	var (
		srv *wecomsim.Server
		err error
	)
	if preferAddr != "" {
		srv, err = sim.Start(preferAddr)
	}
	if srv == nil {
		if srv, err = sim.Start("127.0.0.1:0"); err != nil {
			return nil, fmt.Errorf("start the demo WeCom simulator: %w", err)
		}
	}
	return &demoSim{sim: sim, srv: srv, seed: seed}, nil
}

// hostPort returns the loopback host:port of a previous simulator URL, or "".
func hostPort(base string) string {
	u, err := url.Parse(base)
	if err != nil {
		return ""
	}
	if ip := net.ParseIP(u.Hostname()); ip == nil || !ip.IsLoopback() || u.Port() == "" {
		return ""
	}
	return u.Host
}

func (s *Service) replaceDemo(d *demoSim) {
	s.demoMu.Lock()
	old := s.demo
	s.demo = d
	s.demoMu.Unlock()
	if old != nil {
		closeSim(old)
	}
}

func (s *Service) stopDemo() {
	s.demoMu.Lock()
	old := s.demo
	s.demo = nil
	s.demoMu.Unlock()
	if old != nil {
		closeSim(old)
	}
}

func closeSim(d *demoSim) {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	if err := d.srv.Shutdown(ctx); err != nil {
		d.srv.Close() // requests still running after 2 s are cut off
	}
}

func containsInt(list []int, v int) bool {
	for _, x := range list {
		if x == v {
			return true
		}
	}
	return false
}
