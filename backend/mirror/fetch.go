package mirror

import (
	"context"
	"errors"
	"sync"
	"time"

	"wecom-bridge/backend/usererr"
	"wecom-bridge/backend/wecom"
)

// fetchWorkers bounds the user/list calls in flight. The client's limiter
// keeps the rate legal; this only keeps sockets and memory modest. At WeCom's
// typical 20–50 ms per call, 16 workers read 2,000 departments in a few seconds.
const fetchWorkers = 16

// Fetch reads the departments and members cred can see: department/list for
// the whole visible tree, then user/list for each department in parallel.
// On a cold token that is exactly len(departments) + 2 requests (gettoken
// included); members in several departments are fetched once per department
// and merged.
//
// A department whose user/list fails (after the client's retries) is listed
// in Snapshot.FailedDepartments and the others go on. A failing
// department/list, or an empty visible scope, is an error. progress, when not
// nil, is called (never concurrently) after each department with the number
// done and the total. When ctx ends, Fetch stops promptly and returns ctx.Err().
func Fetch(ctx context.Context, client *wecom.Client, cred wecom.Credential, progress func(done, total int)) (*Snapshot, error) {
	raw, err := client.ListDepartments(ctx, cred, 0)
	if err != nil {
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		return nil, describeFetchError("department/list", cred, err)
	}
	if len(raw) == 0 {
		return nil, usererr.New("no_scope", usererr.Args{"cred": cred})
	}
	snap := &Snapshot{Departments: buildDepartments(raw), APICalls: 1}
	depts := snap.Departments
	if progress != nil {
		progress(0, len(depts))
	}

	lists := make([][]wecom.User, len(depts))
	errs := make([]error, len(depts))
	var (
		mu   sync.Mutex // serialises progress
		done int
		wg   sync.WaitGroup
	)
	jobs := make(chan int)
	for range min(fetchWorkers, len(depts)) {
		wg.Go(func() {
			for i := range jobs {
				lists[i], errs[i] = client.ListUsers(ctx, cred, depts[i].ID)
				mu.Lock()
				done++
				if progress != nil && ctx.Err() == nil {
					progress(done, len(depts))
				}
				mu.Unlock()
			}
		})
	}
feed:
	for i := range depts {
		select {
		case jobs <- i:
		case <-ctx.Done():
			break feed
		}
	}
	close(jobs)
	wg.Wait()
	if err := ctx.Err(); err != nil {
		return nil, err
	}

	for i, err := range errs {
		snap.APICalls++
		if err != nil {
			lists[i] = nil
			snap.FailedDepartments = append(snap.FailedDepartments, failedDept(depts[i], err))
		}
	}
	snap.Users = mergeUsers(depts, lists)
	snap.PrivacyRestricted = privacyRestricted(snap.Users)
	snap.FetchedAt = time.Now().UTC()
	return snap, nil
}

// failedDept explains a failed user/list in the admin's terms.
func failedDept(d Department, err error) FailedDept {
	f := FailedDept{ID: d.ID, Name: d.Name}
	var we *wecom.Error
	var he *wecom.HTTPError
	switch {
	case errors.As(err, &we):
		f.Errcode, f.Errmsg, f.Fix = we.Code, we.Msg, we.Hint().Fix
	case errors.As(err, &he):
		f.Errmsg = he.Error()
		f.Fix = usererr.Msg("pull_http_failed", usererr.Args{"status": he.StatusCode})
	default:
		f.Errmsg = err.Error()
		f.Fix = usererr.Msg("pull_network_failed", nil)
	}
	return f
}

// describeFetchError wraps a failure that stops the whole fetch with the
// errcode's meaning and fix, keeping *wecom.Error reachable through errors.As.
func describeFetchError(api string, cred wecom.Credential, err error) error {
	var we *wecom.Error
	if errors.As(err, &we) {
		return usererr.Wrap(err, "wecom_error", usererr.Args{"api": api, "cred": cred, "detail": err.Error(), "fix": we.Hint().Explain()})
	}
	return usererr.Wrap(err, "network", usererr.Args{"api": api, "cred": cred, "detail": err.Error()})
}
