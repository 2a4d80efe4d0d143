package callback

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/xml"
	"io"
	"slices"
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
// ChangeType + UserID/Id (WeCom's advice) and a digest of everything else
// the decrypted message says (plain). CreateTime has a 1 s resolution, so
// two different events of one member in the same second share WeCom's
// fields; a retry repeats the same message, so the digest still matches it
// while two events that say different things (another Department, another
// NewUserID …) stay apart. Only events identical in every field merge.
func (m Message) DedupeKey(plain []byte) string {
	if m.MsgID != "" {
		return "msg:" + m.MsgID
	}
	return strings.Join([]string{"ev", m.ToUserName, m.FromUserName, strconv.FormatInt(m.CreateTime, 10), m.Event,
		m.ChangeType, m.UserID, m.ID, contentDigest(plain)}, "|")
}

// contentDigest is a hash of the message's leaf elements (path=text,
// sorted, trimmed): the same for the same content however it is laid out
// (CDATA or not, whitespace, element order).
func contentDigest(plain []byte) string {
	dec := xml.NewDecoder(bytes.NewReader(plain))
	var path []string
	var text [][]byte
	var parent []bool // the element at each level has child elements
	var leaves []string
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			sum := sha256.Sum256(plain)
			return "raw:" + hex.EncodeToString(sum[:16])
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if n := len(parent); n > 0 {
				parent[n-1] = true
			}
			path, parent, text = append(path, t.Name.Local), append(parent, false), append(text, nil)
		case xml.CharData:
			if n := len(text); n > 0 {
				text[n-1] = append(text[n-1], t...)
			}
		case xml.EndElement:
			n := len(path)
			if n == 0 {
				continue
			}
			if !parent[n-1] {
				leaves = append(leaves, strings.Join(path, "/")+"="+strings.TrimSpace(string(text[n-1])))
			}
			path, parent, text = path[:n-1], parent[:n-1], text[:n-1]
		}
	}
	slices.Sort(leaves)
	sum := sha256.Sum256([]byte(strings.Join(leaves, "\n")))
	return hex.EncodeToString(sum[:16])
}
