package wecomsim

import (
	"fmt"
	"strconv"
)

// apiError is a WeCom error answer: an errcode and the errmsg text before the
// ", hint: [...], from ip: ..., more info at ..." tail that writeError adds.
type apiError struct {
	code int
	text string
}

func (e *apiError) Error() string { return fmt.Sprintf("errcode %d: %s", e.code, e.text) }

// errText is the errmsg for each errcode the simulator answers, worded like
// WeCom's English errmsg strings.
var errText = map[int]string{
	-1:     "system busy",
	40001:  "invalid credential",
	40003:  "invalid userid",
	40008:  "invalid message type",
	40013:  "invalid corpid",
	40014:  "invalid credential, access_token is invalid or not latest",
	40016:  "invalid button size",
	40017:  "invalid button type",
	40018:  "invalid button name size",
	40019:  "invalid button key size",
	40020:  "invalid button url size",
	40022:  "invalid sub menu level",
	40023:  "invalid sub button size",
	40024:  "invalid sub button type",
	40025:  "invalid sub button name size",
	40026:  "invalid sub button key size",
	40027:  "invalid sub button url size",
	40029:  "invalid code",
	50001:  "redirect_url not trusted",
	40031:  "invalid userid list",
	40032:  "invalid userid list size",
	40056:  "invalid agentid",
	40058:  "invalid Parameter",
	40059:  "invalid report location flag",
	40066:  "invalid department list",
	40068:  "invalid tagid",
	40094:  "invalid url",
	40096:  "invalid external userid",
	41001:  "access_token missing",
	41002:  "corpid missing",
	41004:  "corpsecret missing",
	41008:  "missing code",
	41009:  "missing userid",
	41010:  "missing url",
	41011:  "missing agentid",
	41016:  "missing title",
	41033:  "missing description",
	41035:  "missing external userid",
	42001:  "access_token expired",
	42014:  "invalid template_card task_id",
	42015:  "the agent of update message is not the agent that sent it",
	42031:  "invalid template_card card_type",
	42035:  "invalid template_card horizontal_content_list size",
	42036:  "invalid template_card vertical_content_list size",
	42037:  "invalid template_card option_list size",
	42038:  "invalid template_card button_list text",
	42039:  "invalid template_card button_list key",
	42042:  "invalid template_card jump_list size",
	42045:  "invalid template_card card_action",
	42046:  "invalid template_card submit_button key",
	42047:  "invalid template_card select_list size",
	42052:  "msgid expired, only messages sent in the last 24 hours can be recalled",
	44004:  "empty content",
	45002:  "content size out of limit",
	45004:  "invalid description size",
	45008:  "article size out of limit",
	45009:  "api freq out of limit",
	45022:  "invalid name size",
	46003:  "menu no exist",
	46004:  "user no exist",
	48002:  "api forbidden",
	48009:  "api forbidden, contact sync secret may not read contact details from a new ip",
	60001:  "department name size invalid",
	60003:  "department not found",
	60004:  "parent department not found",
	60005:  "department contains user",
	60006:  "department contains sub-department",
	60007:  "not allow to delete root department",
	60008:  "department existed",
	60009:  "department name contains invalid char",
	60010:  "department has circle",
	60011:  "no privilege to access/modify contact/party/agent",
	60020:  "not allow to access from your ip",
	60102:  "userid existed",
	60103:  "mobile invalid",
	60104:  "mobile existed",
	60105:  "email invalid",
	60106:  "email existed",
	60110:  "user department size invalid",
	60111:  "userid not found",
	60112:  "user name invalid",
	60123:  "invalid department id",
	60127:  "department missing",
	60129:  "mobile and email are both empty",
	60132:  "is_leader_in_dept size not match department size",
	60143:  "biz_mail invalid",
	60145:  "biz_mail existed",
	81001:  "department node count out of limit",
	81002:  "department depth out of limit",
	81013:  "user & party & tag all invalid",
	82001:  "All touser & toparty & totag invalid",
	82002:  "invalid toparty size",
	82003:  "invalid totag size",
	84014:  "user ticket expired",
	84015:  "invalid user ticket",
	84061:  "not external contact",
	85005:  "redirect domain not verified",
	301002: "not allow operate another agent with this accesstoken.",
	301023: "invalid useridlist",
	301024: "invalid time interval",
	301036: "not allow to update userid",
}

// apiErr returns the standard error for code.
func apiErr(code int) *apiError {
	t, ok := errText[code]
	if !ok {
		t = "error " + strconv.Itoa(code)
	}
	return &apiError{code: code, text: t}
}

// apiErrf returns an error for code with a more specific text.
func apiErrf(code int, format string, args ...any) *apiError {
	return &apiError{code: code, text: fmt.Sprintf(format, args...)}
}

// errmsg renders the full WeCom-style errmsg.
func errmsg(e *apiError, hint, ip string) string {
	return fmt.Sprintf("%s, hint: [%s], from ip: %s, more info at https://open.work.weixin.qq.com/devtool/query?e=%d",
		e.text, hint, ip, e.code)
}
