package wecom

import (
	"context"
	"crypto/sha1"
	"encoding/hex"
	"net/url"
	"strconv"
	"strings"
)

// Ticket is a JS-SDK ticket. WeCom allows 400 fetches an hour per corp and 100
// per app, so callers cache it until ExpiresIn (normally 7200 s) runs out.
type Ticket struct {
	Ticket    string `json:"ticket"`
	ExpiresIn int    `json:"expires_in"`
}

// GetJSAPITicket calls get_jsapi_ticket: the corp ticket for wx.config.
func (c *Client) GetJSAPITicket(ctx context.Context, cred Credential) (*Ticket, error) {
	var out Ticket
	if err := c.do(ctx, cred, get("get_jsapi_ticket", nil), &out); err != nil {
		return nil, err
	}
	return &out, nil
}

// GetAgentConfigTicket calls ticket/get?type=agent_config: the app ticket for
// wx.agentConfig, which must come from the same app (else 42012).
func (c *Client) GetAgentConfigTicket(ctx context.Context, cred Credential) (*Ticket, error) {
	var out Ticket
	if err := c.do(ctx, cred, get("ticket/get", url.Values{"type": {"agent_config"}}), &out); err != nil {
		return nil, err
	}
	return &out, nil
}

// JSAPISignature signs a page for wx.config / wx.agentConfig: sha1 of
// "jsapi_ticket=…&noncestr=…&timestamp=…&url=…", with the page URL cut at "#".
func JSAPISignature(ticket, nonceStr string, timestamp int64, pageURL string) string {
	if i := strings.IndexByte(pageURL, '#'); i >= 0 {
		pageURL = pageURL[:i]
	}
	s := "jsapi_ticket=" + ticket + "&noncestr=" + nonceStr +
		"&timestamp=" + strconv.FormatInt(timestamp, 10) + "&url=" + pageURL
	sum := sha1.Sum([]byte(s))
	return hex.EncodeToString(sum[:])
}
