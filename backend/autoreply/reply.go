package autoreply

import (
	"encoding/xml"
	"strconv"
	"time"

	"wecom-bridge/backend/wecom/wxcrypt"
)

type cdata struct {
	Value string `xml:",cdata"`
}

// textReply is the plaintext of a passive text reply (facts §5.7): the
// direction is reversed, ToUserName is the member and FromUserName the corp.
type textReply struct {
	XMLName      xml.Name `xml:"xml"`
	ToUserName   cdata    `xml:"ToUserName"`
	FromUserName cdata    `xml:"FromUserName"`
	CreateTime   int64    `xml:"CreateTime"`
	MsgType      cdata    `xml:"MsgType"`
	Content      cdata    `xml:"Content"`
}

// TextReply is the plaintext XML of a passive text reply to member toUser
// from corp corpID. encoding/xml splits a "]]>" inside the content, so a
// reply cannot break out of its CDATA.
func TextReply(toUser, corpID, content string, now time.Time) []byte {
	b, _ := xml.Marshal(textReply{ToUserName: cdata{toUser}, FromUserName: cdata{corpID},
		CreateTime: now.Unix(), MsgType: cdata{"text"}, Content: cdata{content}})
	return b
}

// Seal encrypts a plaintext reply into WeCom's passive-reply envelope with
// the callback's Token and EncodingAESKey (receiveid: the corp ID) and a
// random nonce; the timestamp is now.
func Seal(token, encodingAESKey, corpID string, plain []byte, now time.Time) ([]byte, error) {
	c, err := wxcrypt.New(token, encodingAESKey, corpID)
	if err != nil {
		return nil, err
	}
	return c.Encrypt(plain, strconv.FormatInt(now.Unix(), 10), "")
}
