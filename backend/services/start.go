package services

import "context"

// Step is one of the admin's five getting-started steps.
type Step struct {
	Key    string `json:"key"` // connect | import | bind | preview | apply
	Done   bool   `json:"done"`
	Count  int    `json:"count"`
	Detail string `json:"detail"` // English; the screen says Facts in its language
	// Facts are the numbers behind Detail (e.g. confirmed, toReview), so the
	// screen can word them; empty when there is nothing to tell yet.
	Facts map[string]int `json:"facts"`
}

// CorpBadge is the active corp shown in the header.
type CorpBadge struct {
	ID     int64  `json:"id"`
	Name   string `json:"name"`
	CorpID string `json:"corpId"`
	Demo   bool   `json:"demo"`
}

// StartStatus is where the admin stands on the five steps.
type StartStatus struct {
	Steps      []Step     `json:"steps"`
	ActiveCorp *CorpBadge `json:"activeCorp"`
}

// StepKeys are the five steps, in order.
var StepKeys = []string{"connect", "import", "bind", "preview", "apply"}

// progress is what one step's source reports. A step is done only when
// its source says so (a check passed, every pair confirmed), never merely
// because something exists.
type progress struct {
	count  int
	done   bool
	detail string
	facts  map[string]int
}

// progressSource reports one step's progress. Features register theirs in
// stepSources as they land; a step without a source counts zero.
type progressSource func(ctx context.Context, s *Services) (progress, error)

var stepSources = map[string]progressSource{}

// activeCorpSource returns the active corp, once corps exist.
var activeCorpSource func(ctx context.Context, s *Services) (*CorpBadge, error)

// StartStatus computes the five steps from what is in the store.
func (s *Services) StartStatus(ctx context.Context) (StartStatus, error) {
	out := StartStatus{Steps: make([]Step, 0, len(StepKeys))}
	for _, key := range StepKeys {
		st := Step{Key: key}
		if src, ok := stepSources[key]; ok {
			p, err := src(ctx, s)
			if err != nil {
				return StartStatus{}, err
			}
			st.Count, st.Done = p.count, p.done
			if anyAbove0(p.facts) { // "0 corp(s)" says nothing the count does not
				st.Detail, st.Facts = p.detail, p.facts
			}
		}
		out.Steps = append(out.Steps, st)
	}
	if activeCorpSource != nil {
		c, err := activeCorpSource(ctx, s)
		if err != nil {
			return StartStatus{}, err
		}
		out.ActiveCorp = c
	}
	return out, nil
}

func anyAbove0(facts map[string]int) bool {
	for _, n := range facts {
		if n > 0 {
			return true
		}
	}
	return false
}
