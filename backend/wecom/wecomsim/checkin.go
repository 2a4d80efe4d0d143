package wecomsim

import (
	"hash/fnv"
	"time"
)

var chinaTime = time.FixedZone("CST", 8*3600)

const (
	checkinMaxUsers = 100
	checkinMaxSpan  = 30 * 24 * time.Hour
	officeLat       = 22540503 // ×1e6, GCJ-02
	officeLng       = 113934528
	workStartSec    = 9 * 3600
	workEndSec      = 18 * 3600
)

type checkinRecord struct {
	UserID         string   `json:"userid"`
	GroupName      string   `json:"groupname"`
	CheckinType    string   `json:"checkin_type"`
	ExceptionType  string   `json:"exception_type"`
	CheckinTime    int64    `json:"checkin_time"`
	LocationTitle  string   `json:"location_title"`
	LocationDetail string   `json:"location_detail"`
	WifiName       string   `json:"wifiname"`
	Notes          string   `json:"notes"`
	WifiMac        string   `json:"wifimac"`
	MediaIDs       []string `json:"mediaids"`
	Lat            int      `json:"lat"`
	Lng            int      `json:"lng"`
	DeviceID       string   `json:"deviceid"`
	SchCheckinTime int64    `json:"sch_checkin_time"`
	GroupID        int      `json:"groupid"`
	ScheduleID     int      `json:"schedule_id"`
	TimelineID     int      `json:"timeline_id"`
}

// checkinUsers resolves useridlist (1~100) to visible, existing members.
func (s *Sim) checkinUsers(c *call, ids []string) ([]*member, *apiError) {
	if len(ids) == 0 || len(ids) > checkinMaxUsers {
		return nil, apiErr(301023)
	}
	var out []*member
	for _, id := range ids {
		if m := s.dir.user(id); m != nil && c.canSeeUser(m) {
			out = append(out, m)
		}
	}
	return out, nil
}

// jitter is a stable pseudo-random number in [0,n) for a member and day.
func jitter(key string, day int64, salt string, n int) int {
	h := fnv.New32a()
	h.Write([]byte(key + "|" + salt))
	h.Write([]byte{byte(day), byte(day >> 8), byte(day >> 16)})
	return int(h.Sum32() % uint32(n))
}

// checkinData answers with plausible records: on workdays a 上班 punch around
// 09:00 (late now and then) and a 下班 punch after 18:00, plus the odd 外出.
func (s *Sim) checkinData(c *call) (any, *apiError) {
	var b struct {
		Type       int      `json:"opencheckindatatype"`
		StartTime  int64    `json:"starttime"`
		EndTime    int64    `json:"endtime"`
		UserIDList []string `json:"useridlist"`
	}
	if err := c.decode(&b); err != nil {
		return nil, err
	}
	start, end := time.Unix(b.StartTime, 0), time.Unix(b.EndTime, 0)
	if b.StartTime <= 0 || b.EndTime <= 0 || !end.After(start) || end.Sub(start) > checkinMaxSpan {
		return nil, apiErr(301024)
	}
	if b.Type < 1 || b.Type > 3 {
		return nil, apiErrf(40058, "invalid Parameter, opencheckindatatype must be 1, 2 or 3")
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	users, err := s.checkinUsers(c, b.UserIDList)
	if err != nil {
		return nil, err
	}
	records := []checkinRecord{}
	first := time.Date(start.In(chinaTime).Year(), start.In(chinaTime).Month(), start.In(chinaTime).Day(), 0, 0, 0, 0, chinaTime)
	for _, m := range users {
		if m.disabled() {
			continue
		}
		for day := first; !day.After(end); day = day.AddDate(0, 0, 1) {
			if wd := day.Weekday(); wd == time.Saturday || wd == time.Sunday {
				continue
			}
			dayNo := day.Unix() / 86400
			base := checkinRecord{UserID: m.userid, GroupName: "默认打卡规则", LocationTitle: "星河大厦",
				LocationDetail: "广东省深圳市南山区科技园科苑路8号", WifiName: "XH-Office", WifiMac: "3c:46:d8:0c:7a:70",
				MediaIDs: []string{}, Lat: officeLat, Lng: officeLng, DeviceID: "sim-" + m.key, GroupID: 1, TimelineID: 1}
			punch := func(kind string, sch, at int64, exception string) {
				if at < b.StartTime || at > b.EndTime {
					return
				}
				r := base
				r.CheckinType, r.SchCheckinTime, r.CheckinTime, r.ExceptionType = kind, sch, at, exception
				records = append(records, r)
			}
			midnight := day.Unix()
			if b.Type != 2 {
				in := midnight + workStartSec - 1200 + int64(jitter(m.key, dayNo, "in", 1500))
				late := ""
				if in > midnight+workStartSec {
					late = "时间异常"
				}
				punch("上班打卡", midnight+workStartSec, in, late)
				out := midnight + workEndSec + int64(jitter(m.key, dayNo, "out", 7200))
				punch("下班打卡", midnight+workEndSec, out, "")
			}
			if b.Type != 1 && jitter(m.key, dayNo, "away", 10) == 0 {
				at := midnight + 14*3600 + int64(jitter(m.key, dayNo, "awayt", 3600))
				r := base
				r.LocationTitle, r.LocationDetail, r.WifiName, r.WifiMac = "客户现场", "广东省深圳市福田区深南大道6008号", "", ""
				r.Lat, r.Lng, r.GroupID = 22543096, 114057865, 1
				if at >= b.StartTime && at <= b.EndTime {
					r.CheckinType, r.CheckinTime = "外出打卡", at
					records = append(records, r)
				}
			}
		}
	}
	return struct {
		status
		CheckinData []checkinRecord `json:"checkindata"`
	}{statusOK, records}, nil
}

// checkinOption answers every member with the same fixed-hours rule.
func (s *Sim) checkinOption(c *call) (any, *apiError) {
	var b struct {
		Datetime   int64    `json:"datetime"`
		UserIDList []string `json:"useridlist"`
	}
	if err := c.decode(&b); err != nil {
		return nil, err
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	users, err := s.checkinUsers(c, b.UserIDList)
	if err != nil {
		return nil, err
	}
	type info struct {
		UserID string         `json:"userid"`
		Group  map[string]any `json:"group"`
	}
	out := make([]info, 0, len(users))
	for _, m := range users {
		out = append(out, info{m.userid, checkinGroup})
	}
	return struct {
		status
		Info []info `json:"info"`
	}{statusOK, out}, nil
}

var checkinGroup = map[string]any{
	"grouptype": 1, "groupid": 1, "groupname": "默认打卡规则",
	"checkindate": []map[string]any{{
		"workdays": []int{1, 2, 3, 4, 5},
		"checkintime": []map[string]int{{"work_sec": workStartSec, "off_work_sec": workEndSec,
			"remind_work_sec": workStartSec - 600, "remind_off_work_sec": workEndSec}},
		"flex_time": 0, "noneed_offwork": false, "limit_aheadtime": 10800000,
	}},
	"spe_workdays": []any{}, "spe_offdays": []any{}, "sync_holidays": true, "need_photo": false,
	"note_can_use_local_pic": false, "allow_checkin_offworkday": false, "allow_apply_offworkday": true,
	"wifimac_infos": []map[string]string{{"wifiname": "XH-Office", "wifimac": "3c:46:d8:0c:7a:70"}},
	"loc_infos": []map[string]any{{"lat": officeLat, "lng": officeLng, "loc_title": "星河大厦",
		"loc_detail": "广东省深圳市南山区科技园科苑路8号", "distance": 300}},
}
