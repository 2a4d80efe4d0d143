package syncer

import (
	"fmt"
	"time"

	"github.com/robfig/cron/v3"

	"wecom-bridge/backend/usererr"
)

// MinScheduleInterval is the shortest gap allowed between two scheduled
// syncs: each one may read the whole directory from WeCom, and a schedule of
// seconds turns into a pull storm. Tests that need a schedule to fire lower it.
var MinScheduleInterval = 5 * time.Minute

// checkInterval refuses a parsed schedule that can fire twice within
// MinScheduleInterval. For 5-field expressions it looks at the minute and
// hour sets, so a spec like "0,1 2 * * *" (two runs a minute apart once a
// day) is refused too.
func checkInterval(spec string, s cron.Schedule) error {
	gap, ok := shortestGap(s)
	if !ok || gap >= MinScheduleInterval {
		return nil
	}
	return usererr.New("schedule_too_often", usererr.Args{"spec": fmt.Sprintf("%q", spec), "gap": gap.String(), "min": MinScheduleInterval.String()})
}

// shortestGap returns the shortest time between two runs of s.
func shortestGap(s cron.Schedule) (time.Duration, bool) {
	switch v := s.(type) {
	case cron.ConstantDelaySchedule:
		return v.Delay, true
	case *cron.SpecSchedule:
		return specGap(v), true
	}
	return 0, false
}

// specGap is the shortest gap of a 5-field expression (seconds are fixed at 0
// by the parser). Minutes next to each other in the set give the gap within an
// hour; the last minute of one hour and the first of the next count when two
// consecutive hours are in the set (23→0 included, conservatively).
func specGap(s *cron.SpecSchedule) time.Duration {
	mins := setBits(s.Minute, 60)
	hours := setBits(s.Hour, 24)
	best := 24 * time.Hour
	for i := 1; i < len(mins); i++ {
		best = min(best, time.Duration(mins[i]-mins[i-1])*time.Minute)
	}
	if len(mins) > 0 && consecutiveHours(hours) {
		best = min(best, time.Duration(60-mins[len(mins)-1]+mins[0])*time.Minute)
	}
	return best
}

func setBits(mask uint64, n int) []int {
	var out []int
	for i := 0; i < n; i++ {
		if mask&(1<<uint(i)) != 0 {
			out = append(out, i)
		}
	}
	return out
}

func consecutiveHours(hours []int) bool {
	if len(hours) == 24 {
		return true
	}
	set := map[int]bool{}
	for _, h := range hours {
		set[h] = true
	}
	for _, h := range hours {
		if set[(h+1)%24] {
			return true
		}
	}
	return false
}

// validSpec parses spec and checks its interval.
func validSpec(spec string) error {
	s, err := cronParser.Parse(spec)
	if err != nil {
		return err
	}
	return checkInterval(spec, s)
}
