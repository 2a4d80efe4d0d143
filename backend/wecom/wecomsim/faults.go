package wecomsim

import (
	"encoding/json"
	"math/rand/v2"
	"net/http"
	"sync"
	"sync/atomic"
	"time"
)

// Fault describes what goes wrong with calls to one API. Rates are shares of
// calls in [0,1]; they are drawn from one seeded random sequence, so a run
// with the same seed and call order sees the same faults.
type Fault struct {
	ErrorRate   float64       // answered {"errcode":-1,"errmsg":"system busy…"}
	HTTP502Rate float64       // answered HTTP 502 Bad Gateway
	DropRate    float64       // connection closed without an answer
	Latency     time.Duration // added before every answer
}

type faultJSON struct {
	ErrorRate   float64 `json:"error_rate"`
	HTTP502Rate float64 `json:"http502_rate"`
	DropRate    float64 `json:"drop_rate"`
	LatencyMS   int64   `json:"latency_ms"`
}

// MarshalJSON writes latency as latency_ms.
func (f Fault) MarshalJSON() ([]byte, error) {
	return json.Marshal(faultJSON{f.ErrorRate, f.HTTP502Rate, f.DropRate, f.Latency.Milliseconds()})
}

// UnmarshalJSON reads latency from latency_ms.
func (f *Fault) UnmarshalJSON(b []byte) error {
	var j faultJSON
	if err := json.Unmarshal(b, &j); err != nil {
		return err
	}
	*f = Fault{j.ErrorRate, j.HTTP502Rate, j.DropRate, time.Duration(j.LatencyMS) * time.Millisecond}
	return nil
}

func (f Fault) zero() bool { return f == Fault{} }

// Faults configures fault injection: Default for every API, PerAPI (keyed
// like "message/send") replacing it for single APIs.
type Faults struct {
	Default Fault            `json:"default"`
	PerAPI  map[string]Fault `json:"per_api,omitempty"`
	Seed    int64            `json:"seed"`
}

// FaultCounts counts injected faults.
type FaultCounts struct {
	Errors  int64 `json:"errors"`
	HTTP502 int64 `json:"http502"`
	Drops   int64 `json:"drops"`
}

type faultInjector struct {
	on      atomic.Bool
	mu      sync.Mutex
	cfg     Faults
	rng     *rand.Rand
	errors  atomic.Int64
	http502 atomic.Int64
	drops   atomic.Int64
}

// SetFaults replaces the fault configuration and reseeds its random sequence.
// A zero Faults turns injection off.
func (s *Sim) SetFaults(f Faults) {
	fi := &s.faults
	fi.mu.Lock()
	defer fi.mu.Unlock()
	fi.cfg = Faults{Default: f.Default, Seed: f.Seed, PerAPI: map[string]Fault{}}
	on := !f.Default.zero()
	for k, v := range f.PerAPI {
		fi.cfg.PerAPI[k] = v
		on = on || !v.zero()
	}
	fi.rng = rand.New(rand.NewPCG(uint64(f.Seed), 0x5eed_f00d))
	fi.on.Store(on)
}

// CurrentFaults returns the fault configuration.
func (s *Sim) CurrentFaults() Faults {
	fi := &s.faults
	fi.mu.Lock()
	defer fi.mu.Unlock()
	f := fi.cfg
	f.PerAPI = map[string]Fault{}
	for k, v := range fi.cfg.PerAPI {
		f.PerAPI[k] = v
	}
	return f
}

// inject applies the configured fault to one call. done means the call has
// been answered or dropped; busy means it must be answered with errcode -1.
func (fi *faultInjector) inject(w http.ResponseWriter, r *http.Request, api string) (done, busy bool) {
	if !fi.on.Load() {
		return false, false
	}
	return fi.apply(w, r, api)
}

func (fi *faultInjector) apply(w http.ResponseWriter, r *http.Request, api string) (done, busy bool) {
	fi.mu.Lock()
	f, ok := fi.cfg.PerAPI[api]
	if !ok {
		f = fi.cfg.Default
	}
	u := fi.rng.Float64()
	fi.mu.Unlock()
	if f.Latency > 0 {
		t := time.NewTimer(f.Latency)
		select {
		case <-t.C:
		case <-r.Context().Done():
			t.Stop()
			return true, false
		}
	}
	switch {
	case u < f.DropRate:
		fi.drops.Add(1)
		if hj, ok := w.(http.Hijacker); ok {
			if conn, _, err := hj.Hijack(); err == nil {
				conn.Close()
				return true, false
			}
		}
		panic(http.ErrAbortHandler)
	case u < f.DropRate+f.HTTP502Rate:
		fi.http502.Add(1)
		w.Header().Set("Content-Type", "text/html")
		w.WriteHeader(http.StatusBadGateway)
		w.Write([]byte("<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center></body></html>"))
		return true, false
	case u < f.DropRate+f.HTTP502Rate+f.ErrorRate:
		fi.errors.Add(1)
		return false, true
	}
	return false, false
}
