package wecomsim

import (
	"sync"
	"sync/atomic"
)

// access says which tokens may call an API.
type access uint8

const (
	accessNone          access = iota // no token (gettoken)
	accessAny                         // the contact secret or an app
	accessApp                         // apps only; the contact secret gets 48002
	accessContact                     // the contact secret only; apps get 48002
	accessContactDetail               // any; the contact secret is subject to the 48009 switch
)

type handlerFunc func(*call) (any, *apiError)

// route is one /cgi-bin API with its counters.
type route struct {
	api    string
	post   bool
	access access
	fn     handlerFunc

	calls atomic.Int64

	mu     sync.Mutex // rate-limit window
	minute int64
	count  int
	limit  int // per-API override; 0 = the corp default
}

func (s *Sim) buildRoutes() map[string]*route {
	m := map[string]*route{}
	add := func(api string, post bool, a access, fn handlerFunc) {
		m[api] = &route{api: api, post: post, access: a, fn: fn}
	}
	const get, post = false, true
	add("gettoken", get, accessNone, s.getToken)

	add("department/create", post, accessContact, s.departmentCreate)
	add("department/update", post, accessContact, s.departmentUpdate)
	add("department/delete", get, accessContact, s.departmentDelete)
	add("department/list", get, accessContactDetail, s.departmentList)
	add("department/simplelist", get, accessAny, s.departmentSimpleList)
	add("department/get", get, accessContactDetail, s.departmentGet)

	add("user/get", get, accessContactDetail, s.userGet)
	add("user/list", get, accessContactDetail, s.userList)
	add("user/simplelist", get, accessContactDetail, s.userSimpleList)
	add("user/list_id", post, accessContact, s.userListID)
	add("user/create", post, accessContact, s.userCreate)
	add("user/update", post, accessContact, s.userUpdate)
	add("user/delete", get, accessContact, s.userDelete)
	add("user/batchdelete", post, accessContact, s.userBatchDelete)
	add("user/getuserid", post, accessAny, s.userGetUserID)
	add("user/get_userid_by_email", post, accessAny, s.userGetUserIDByEmail)

	add("tag/list", get, accessAny, s.tagList)
	add("tag/get", get, accessAny, s.tagGet)

	add("message/send", post, accessApp, s.messageSend)
	add("message/recall", post, accessApp, s.messageRecall)
	add("message/update_template_card", post, accessApp, s.messageUpdateTemplateCard)

	add("auth/getuserinfo", get, accessApp, s.authGetUserInfo)
	add("auth/getuserdetail", post, accessApp, s.authGetUserDetail)

	add("corp/get_join_qrcode", get, accessContact, s.corpJoinQRCode)
	add("batch/invite", post, accessAny, s.batchInvite)

	add("agent/get", get, accessApp, s.agentGet)
	add("agent/set", post, accessApp, s.agentSet)
	add("menu/create", post, accessApp, s.menuCreate)
	add("menu/get", get, accessApp, s.menuGet)
	add("menu/delete", get, accessApp, s.menuDelete)

	add("get_api_domain_ip", get, accessAny, s.apiDomainIP)
	add("getcallbackip", get, accessAny, s.callbackIP)
	add("get_jsapi_ticket", get, accessApp, s.jsapiTicket)
	add("ticket/get", get, accessApp, s.agentTicket)

	add("checkin/getcheckindata", post, accessApp, s.checkinData)
	add("checkin/getcheckinoption", post, accessApp, s.checkinOption)

	add("externalcontact/get_follow_user_list", get, accessApp, s.extFollowUsers)
	add("externalcontact/list", get, accessApp, s.extList)
	add("externalcontact/get", get, accessApp, s.extGet)
	add("externalcontact/batch/get_by_user", post, accessApp, s.extBatchByUser)
	return m
}
