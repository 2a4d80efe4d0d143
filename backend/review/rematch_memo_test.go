package review

import (
	"fmt"
	"math/rand/v2"
	"reflect"
	"slices"
	"testing"

	"wecom-bridge/backend/binding"
)

// A rematch that takes digests from the last one's memo stores exactly what
// a rematch computing everything afresh stores, on random organisations
// with decisions, over rounds of random changes to both sides.
func TestMemoizedRematchEqualsAFreshOne(t *testing.T) {
	for seed := range uint64(40) {
		t.Run(fmt.Sprint(seed), func(t *testing.T) {
			t.Parallel() // each seed has its own stores
			policy := binding.DefaultPolicy()
			policy.AutoConfirmKeys = seed%3 == 1
			// Two identical corps (same seed): one remembers, one forgets.
			var envs [2]*env
			var rs [2]*rand.Rand
			for k := range envs {
				rs[k] = rand.New(rand.NewPCG(seed, 11))
				locals, members := randomOrg(rs[k])
				envs[k] = newEnv(t, locals, members)
				envs[k].rematchWith(policy)
				decide(envs[k], rs[k])
			}
			for round := range 3 {
				for k, e := range envs {
					mutate(e, rs[k])
					mutateLocals(e, rs[k])
					if k == 1 {
						e.svc.memos.set(e.corp, nil)
					} else if m := e.svc.memos.of(e.corp); len(m.rows) == 0 || len(m.sides) == 0 {
						t.Fatalf("round %d: no memo to use (%d rows, %d sides)", round, len(m.rows), len(m.sides))
					}
					e.rematchWith(policy)
				}
				if a, b := envs[0].state(), envs[1].state(); a != b {
					t.Fatalf("round %d: the memoized rematch differs from a fresh one\n--- memo\n%s\n--- fresh\n%s", round, a, b)
				}
			}
		})
	}
}

// mutateLocals changes one or two local accounts as a directory sync would.
func mutateLocals(e *env, r *rand.Rand) {
	ls := slices.Clone(e.src.LocalRecords)
	for range 1 + r.IntN(2) {
		i := r.IntN(len(ls))
		switch r.IntN(5) {
		case 0:
			ls[i].Name = []string{"张伟", "王芳", "新人"}[r.IntN(3)]
		case 1:
			ls[i].Mobile = fmt.Sprintf("1380000%04d", r.IntN(12))
		case 2:
			ls[i].Position = "经理"
		case 3:
			ls[i].Resigned = !ls[i].Resigned
		case 4:
			ls[i].DeptPaths = paths("总部/市场部")
		}
	}
	e.src.LocalRecords = ls
}

// A row is a function of its key: changing anything of a proposal that
// changes the row it makes changes the key (else a rematch would take the
// old row's digest from the memo and keep a row that is no longer true).
func TestRowKeyCoversWhatTheRowReads(t *testing.T) {
	l := loc("a1", "张伟", "总部/研发部")
	l.Mobile, l.Position = "13800000001", "工程师"
	m1, m2 := mem("u1", "张伟", "某某科技/研发部"), mem("u2", "张伟", "某某科技/市场部")
	m1.Mobile, m1.Position = "13800000002", "经理"
	in := prepareInput([]LocalRecord{l}, []MemberRecord{m1, m2}, nil)
	in.sideDigests(1)
	pair := binding.Proposal{Account: "a1", UserID: "u1", Method: binding.MethodName, State: binding.StateConfirmed,
		Confidence: 0.6, Reason: "same name", ReasonCode: binding.ReasonKeyMobile, ReasonArgs: &binding.ReasonArgs{Value: "138"}}
	amb := binding.Proposal{Account: "a1", Method: binding.MethodName, State: binding.StateAmbiguous, Confidence: 0.5,
		Reason: "namesakes", ReasonCode: binding.ReasonKeyConflict, ReasonArgs: &binding.ReasonArgs{},
		Candidates: []binding.Candidate{{UserID: "u1", Name: "张伟", DeptPaths: paths("某某科技/研发部"), Method: binding.MethodName, Score: 0.5},
			{UserID: "u2", Name: "张伟", DeptPaths: paths("某某科技/市场部"), Method: binding.MethodName, Score: 0.4}}}
	for _, decided := range []bool{false, true} {
		for _, base := range []binding.Proposal{pair, amb} {
			p := base
			p.ReasonArgs = new(*base.ReasonArgs)
			p.Candidates = slices.Clone(base.Candidates)
			key0, digest0 := keyAndDigest(in, &p, decided)
			changed := 0
			for _, f := range proposalLeaves(reflect.ValueOf(&p).Elem(), "") {
				if f.name == "Account" || f.name == "UserID" || (f.name == "State" && p.State == binding.StateAmbiguous) {
					continue // they name the sides (whose digests the key holds), which always exist
				}
				saved := reflect.New(f.v.Type()).Elem()
				saved.Set(f.v)
				switch f.v.Kind() {
				case reflect.String:
					if f.name == "State" { // a binding is proposed or confirmed
						f.v.SetString(string(binding.StateProposed))
						break
					}
					f.v.SetString(f.v.String() + "x")
				case reflect.Float64:
					f.v.SetFloat(f.v.Float() + 0.125)
				case reflect.Int32:
					f.v.SetInt(f.v.Int() + 1)
				case reflect.Slice: // [][]string department paths
					f.v.Set(reflect.ValueOf([][]string{{"另一个部门"}}))
				default:
					t.Fatalf("field %s of kind %s: teach this test about it", f.name, f.v.Kind())
				}
				if key, digest := keyAndDigest(in, &p, decided); digest != digest0 {
					changed++
					if key == key0 {
						t.Errorf("%s proposal: changing %s changes the row but not its key", base.State, f.name)
					}
				}
				f.v.Set(saved)
			}
			if changed == 0 {
				t.Fatalf("%s proposal: no change changed the row; the test proves nothing", base.State)
			}
		}
	}
}

func keyAndDigest(in *matchInput, p *binding.Proposal, decided bool) (uint64, int64) {
	src := rowSource{corpID: 1, in: in, res: &binding.Result{Proposals: []binding.Proposal{*p}}, decided: map[string]bool{}}
	if decided {
		src.decided[pairKey(p.Account, p.UserID)] = true
	}
	r := builtRow{kind: rowProposal}
	var args []string
	key := src.key(&r, &args)
	rec := src.build(&r, &args)
	return key, rec.digest()
}

// proposalLeaves lists the settable leaf fields of a proposal, its reason's
// arguments and its candidates.
func proposalLeaves(v reflect.Value, prefix string) []leafField {
	var out []leafField
	for i := range v.NumField() {
		f, name := v.Field(i), prefix+v.Type().Field(i).Name
		switch {
		case f.Kind() == reflect.Pointer && f.Elem().Kind() == reflect.Struct:
			out = append(out, proposalLeaves(f.Elem(), name+".")...)
		case f.Kind() == reflect.Slice && f.Type().Elem().Kind() == reflect.Struct:
			for j := range f.Len() {
				out = append(out, proposalLeaves(f.Index(j), fmt.Sprintf("%s[%d].", name, j))...)
			}
		default:
			out = append(out, leafField{name, f})
		}
	}
	return out
}
