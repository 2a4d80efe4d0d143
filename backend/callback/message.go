package callback

import (
	"encoding/xml"
	"strconv"
	"strings"
)

// Message is a decrypted callback's fields (reference/wecom-api-facts.md
// §5.6). Fields a type does not carry are empty.
type Message struct {
	ToUserName   string `xml:"ToUserName" json:"toUserName"`
	FromUserName string `xml:"FromUserName" json:"fromUserName"`
	CreateTime   int64  `xml:"CreateTime" json:"createTime"`
	MsgType      string `xml:"MsgType" json:"msgType"`
	Event        string `xml:"Event" json:"event"`
	MsgID        string `xml:"MsgId" json:"msgId"`
	AgentID      string `xml:"AgentID" json:"agentId"`
	// App messages and events.
	Content      string `xml:"Content" json:"content"`
	PicURL       string `xml:"PicUrl" json:"picUrl"`
	MediaID      string `xml:"MediaId" json:"mediaId"`
	EventKey     string `xml:"EventKey" json:"eventKey"`
	TaskID       string `xml:"TaskId" json:"taskId"`
	CardType     string `xml:"CardType" json:"cardType"`
	ResponseCode string `xml:"ResponseCode" json:"-"` // once-only credential: never shown
	// change_contact (and change_external_contact's ChangeType, UserID).
	ChangeType     string `xml:"ChangeType" json:"changeType"`
	UserID         string `xml:"UserID" json:"userId"`
	NewUserID      string `xml:"NewUserID" json:"newUserId"`
	ID             string `xml:"Id" json:"id"`
	ParentID       string `xml:"ParentId" json:"parentId"`
	Name           string `xml:"Name" json:"name"`
	TagID          string `xml:"TagId" json:"tagId"`
	ExternalUserID string `xml:"ExternalUserID" json:"externalUserId"`
	// batch_job_result.
	BatchJob struct {
		JobID   string `xml:"JobId" json:"jobId"`
		JobType string `xml:"JobType" json:"jobType"`
		ErrCode int    `xml:"ErrCode" json:"errCode"`
		ErrMsg  string `xml:"ErrMsg" json:"errMsg"`
	} `xml:"BatchJob" json:"batchJob"`
}

// ParseMessage reads a decrypted callback.
func ParseMessage(plain []byte) (Message, error) {
	var m Message
	err := xml.Unmarshal(plain, &m)
	m.trim()
	return m, err
}

func (m *Message) trim() {
	for _, p := range []*string{&m.ToUserName, &m.FromUserName, &m.MsgType, &m.Event, &m.MsgID, &m.AgentID,
		&m.ChangeType, &m.UserID, &m.NewUserID, &m.ID, &m.TagID, &m.TaskID, &m.EventKey} {
		*p = strings.TrimSpace(*p)
	}
}

// Type is what the log filters by: the event name for events (change_contact,
// enter_agent …), else the message type (text, image …).
func (m Message) Type() string {
	if m.MsgType == "event" && m.Event != "" {
		return m.Event
	}
	return m.MsgType
}

// DedupeKey identifies one event across WeCom's retries: MsgId when the
// message has one, else ToUserName + FromUserName + CreateTime + Event +
// ChangeType + UserID/Id (and the other ids an event carries, so two
// different events in the same second stay apart).
func (m Message) DedupeKey() string {
	if m.MsgID != "" {
		return "msg:" + m.MsgID
	}
	return strings.Join([]string{"ev", m.ToUserName, m.FromUserName, strconv.FormatInt(m.CreateTime, 10), m.Event,
		m.ChangeType, m.UserID, m.ID, m.NewUserID, m.TagID, m.TaskID, m.EventKey, m.BatchJob.JobID, m.ExternalUserID}, "|")
}
