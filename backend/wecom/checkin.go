package wecom

import (
	"context"
	"encoding/json"
	"fmt"
)

// Check-in record types (opencheckindatatype).
const (
	CheckinOnOffDuty = 1 // 上下班打卡
	CheckinOuting    = 2 // 外出打卡
	CheckinAll       = 3 // 全部
)

const (
	maxCheckinUsers = 100
	maxCheckinSpan  = 30 * 24 * 3600 // seconds: "时间跨度不超过30天"
)

// CheckinDataRequest is the body of checkin/getcheckindata: 1..100 userids,
// Unix seconds, a span of at most 30 days.
type CheckinDataRequest struct {
	OpenCheckinDataType int      `json:"opencheckindatatype"`
	StartTime           int64    `json:"starttime"`
	EndTime             int64    `json:"endtime"`
	UserIDList          []string `json:"useridlist"`
}

// CheckinRecord is one punch of checkin/getcheckindata.
type CheckinRecord struct {
	UserID         string   `json:"userid"`
	GroupName      string   `json:"groupname"`
	CheckinType    string   `json:"checkin_type"`
	ExceptionType  string   `json:"exception_type"`
	CheckinTime    int64    `json:"checkin_time"`
	LocationTitle  string   `json:"location_title"`
	LocationDetail string   `json:"location_detail"`
	WifiName       string   `json:"wifiname"`
	Notes          string   `json:"notes"`
	WifiMAC        string   `json:"wifimac"`
	MediaIDs       []string `json:"mediaids"`
	Lat            int64    `json:"lat"` // GCJ-02 ×1e6
	Lng            int64    `json:"lng"`
	DeviceID       string   `json:"deviceid"`
	SchCheckinTime int64    `json:"sch_checkin_time"`
	GroupID        int64    `json:"groupid"`
	ScheduleID     int64    `json:"schedule_id"`
	TimelineID     int64    `json:"timeline_id"`
}

// GetCheckinData calls checkin/getcheckindata. The credential must be an app
// configured under 打卡 → 可调用接口的应用 (system-app secrets stopped working
// for new corps on 2023-12-01).
func (c *Client) GetCheckinData(ctx context.Context, cred Credential, req CheckinDataRequest) ([]CheckinRecord, error) {
	if n := len(req.UserIDList); n < 1 || n > maxCheckinUsers {
		return nil, fmt.Errorf("wecom checkin/getcheckindata: %d userids, want 1..%d", n, maxCheckinUsers)
	}
	if req.StartTime <= 0 || req.EndTime <= req.StartTime || req.EndTime-req.StartTime > maxCheckinSpan {
		return nil, fmt.Errorf("wecom checkin/getcheckindata: times %d..%d: need 0 < start < end, span ≤ 30 days", req.StartTime, req.EndTime)
	}
	if req.OpenCheckinDataType == 0 {
		req.OpenCheckinDataType = CheckinAll
	}
	var out struct {
		CheckinData []CheckinRecord `json:"checkindata"`
	}
	if err := c.do(ctx, cred, post("checkin/getcheckindata", req), &out); err != nil {
		return nil, err
	}
	return out.CheckinData, nil
}

// CheckinOption is one member's rule from checkin/getcheckinoption.
type CheckinOption struct {
	UserID string       `json:"userid"`
	Group  CheckinGroup `json:"group"`
}

// CheckinGroup is a check-in rule. The commonly used fields are typed; Raw
// keeps the whole rule (locations, wifi, schedules…) as WeCom sent it.
type CheckinGroup struct {
	GroupType              int             `json:"grouptype"` // 1 fixed, 2 scheduled, 3 free
	GroupID                int64           `json:"groupid"`
	GroupName              string          `json:"groupname"`
	CheckinDate            []CheckinDate   `json:"checkindate"`
	SyncHolidays           bool            `json:"sync_holidays"`
	NeedPhoto              bool            `json:"need_photo"`
	AllowCheckinOffworkday bool            `json:"allow_checkin_offworkday"`
	AllowApplyOffworkday   bool            `json:"allow_apply_offworkday"`
	Raw                    json.RawMessage `json:"-"`
}

// CheckinDate is the work-day part of a rule. Times are seconds after midnight;
// FlexTime and LimitAheadtime are milliseconds.
type CheckinDate struct {
	Workdays       []int         `json:"workdays"` // 0 Sunday … 6 Saturday
	CheckinTime    []CheckinTime `json:"checkintime"`
	FlexTime       int64         `json:"flex_time"`
	NoneedOffwork  bool          `json:"noneed_offwork"`
	LimitAheadtime int64         `json:"limit_aheadtime"`
}

// CheckinTime is one on/off duty pair.
type CheckinTime struct {
	WorkSec          int64 `json:"work_sec"`
	OffWorkSec       int64 `json:"off_work_sec"`
	RemindWorkSec    int64 `json:"remind_work_sec"`
	RemindOffWorkSec int64 `json:"remind_off_work_sec"`
}

// UnmarshalJSON decodes the typed fields and keeps the raw rule.
func (g *CheckinGroup) UnmarshalJSON(b []byte) error {
	type plain CheckinGroup
	if err := json.Unmarshal(b, (*plain)(g)); err != nil {
		return err
	}
	g.Raw = append(json.RawMessage(nil), b...)
	return nil
}

// GetCheckinOption calls checkin/getcheckinoption for 1..100 members on the
// day containing datetime (Unix seconds).
func (c *Client) GetCheckinOption(ctx context.Context, cred Credential, datetime int64, userIDs []string) ([]CheckinOption, error) {
	if n := len(userIDs); n < 1 || n > maxCheckinUsers {
		return nil, fmt.Errorf("wecom checkin/getcheckinoption: %d userids, want 1..%d", n, maxCheckinUsers)
	}
	body := struct {
		Datetime   int64    `json:"datetime"`
		UserIDList []string `json:"useridlist"`
	}{datetime, userIDs}
	var out struct {
		Info []CheckinOption `json:"info"`
	}
	if err := c.do(ctx, cred, post("checkin/getcheckinoption", body), &out); err != nil {
		return nil, err
	}
	return out.Info, nil
}
