package wecom

import (
	"context"
	"net/http"
	"reflect"
	"testing"
)

// TestDecodeDocumentedResponses runs every read call against the documented
// example answer and checks the fields that are easy to get wrong.
func TestDecodeDocumentedResponses(t *testing.T) {
	ctx := context.Background()
	f := newFake(t)
	c, _, _ := newTestClient(t, f)

	t.Run("department/list", func(t *testing.T) {
		f.replyFile("department/list", "department_list.json")
		ds, err := c.ListDepartments(ctx, testCred, 0)
		must(t, err)
		if len(ds) != 2 || ds[1].ID != 3 || ds[1].ParentID != 2 || ds[1].Order != 40 || ds[0].NameEN != "RDGZ" ||
			!reflect.DeepEqual(ds[0].DepartmentLeader, []string{"zhangsan", "lisi"}) {
			t.Errorf("got %+v", ds)
		}
		if q := f.lastRequest("department/list").Query; q["id"] != nil {
			t.Errorf("id 0 must mean no id parameter, got %v", q)
		}
	})
	t.Run("department/simplelist", func(t *testing.T) {
		f.replyFile("department/simplelist", "department_simplelist.json")
		ids, err := c.ListDepartmentIDs(ctx, testCred, 2)
		must(t, err)
		want := []DepartmentID{{2, 1, 10}, {3, 2, 40}}
		if !reflect.DeepEqual(ids, want) {
			t.Errorf("got %+v", ids)
		}
		assertQuery(t, f, "department/simplelist", "id", "2")
	})
	t.Run("department/get", func(t *testing.T) {
		f.replyFile("department/get", "department_get.json")
		d, err := c.GetDepartment(ctx, testCred, 2)
		must(t, err)
		if d.ID != 2 || d.Name != "广州研发中心" || d.Order != 10 || len(d.DepartmentLeader) != 2 {
			t.Errorf("got %+v", d)
		}
	})
	t.Run("user/get", func(t *testing.T) {
		f.replyFile("user/get", "user_get.json")
		u, err := c.GetUser(ctx, testCred, "zhangsan")
		must(t, err)
		assertQuery(t, f, "user/get", "userid", "zhangsan")
		if u.Gender != "1" || u.Status != UserActive || u.MainDepartment != 1 || u.BizMail == "" ||
			!reflect.DeepEqual(u.Department, []int64{1, 2}) || !reflect.DeepEqual(u.IsLeaderInDept, []int{1, 0}) ||
			!reflect.DeepEqual(u.DirectLeader, []string{"lisi"}) {
			t.Errorf("got %+v", u)
		}
		if u.ExtAttr == nil || len(u.ExtAttr.Attrs) != 2 || u.ExtAttr.Attrs[1].Web.Title != "标题" {
			t.Errorf("extattr %+v", u.ExtAttr)
		}
		p := u.ExternalProfile
		if p == nil || p.WechatChannels.Status != 1 || len(p.ExternalAttr) != 3 || p.ExternalAttr[2].Miniprogram.PagePath != "/index" {
			t.Errorf("external_profile %+v", p)
		}
	})
	t.Run("user/list", func(t *testing.T) {
		f.replyFile("user/list", "user_list.json")
		us, err := c.ListUsers(ctx, testCred, 1)
		must(t, err)
		assertQuery(t, f, "user/list", "department_id", "1")
		if q := f.lastRequest("user/list").Query; q["fetch_child"] != nil {
			t.Error("fetch_child is deprecated and must not be sent")
		}
		if len(us) != 1 || us[0].Order[1] != 4294967295 || us[0].EnglishName != "jacky" {
			t.Errorf("got %+v", us)
		}
	})
	t.Run("user/simplelist", func(t *testing.T) {
		f.replyFile("user/simplelist", "user_simplelist.json")
		us, err := c.ListUsersSimple(ctx, testCred, 1)
		must(t, err)
		if len(us) != 1 || us[0].Name != "张三" || us[0].OpenUserID != "xxxxxx" {
			t.Errorf("got %+v", us)
		}
	})
	t.Run("user/list_id", func(t *testing.T) {
		f.replyFile("user/list_id", "user_list_id.json")
		p, err := c.ListUserIDs(ctx, testCred, "xxxxxxx", 0)
		must(t, err)
		assertGolden(t, f, "user/list_id", "user_list_id.json")
		want := &UserIDPage{NextCursor: "aaaaaaaaa", DeptUser: []DeptUser{{"zhangsan", 1}, {"zhangsan", 2}}}
		if !reflect.DeepEqual(p, want) {
			t.Errorf("got %+v", p)
		}
	})
	t.Run("user/getuserid", func(t *testing.T) {
		f.replyFile("user/getuserid", "user_getuserid.json")
		id, err := c.GetUserIDByMobile(ctx, testCred, "13430388888")
		must(t, err)
		if id != "zhangsan" || string(f.lastRequest("user/getuserid").Body) != `{"mobile":"13430388888"}` {
			t.Errorf("got %q, body %s", id, f.lastRequest("user/getuserid").Body)
		}
	})
	t.Run("user/get_userid_by_email", func(t *testing.T) {
		f.replyFile("user/get_userid_by_email", "user_getuserid.json")
		id, err := c.GetUserIDByEmail(ctx, testCred, "zhangsan@gzdev.com", 0)
		must(t, err)
		got := string(f.lastRequest("user/get_userid_by_email").Body)
		if id != "zhangsan" || got != `{"email":"zhangsan@gzdev.com","email_type":1}` {
			t.Errorf("got %q, body %s", id, got)
		}
	})
	t.Run("tag/list and tag/get", func(t *testing.T) {
		f.replyFile("tag/list", "tag_list.json")
		f.replyFile("tag/get", "tag_get.json")
		tags, err := c.ListTags(ctx, testCred)
		must(t, err)
		tm, err := c.GetTag(ctx, testCred, 1)
		must(t, err)
		if len(tags) != 2 || tags[1].TagName != "b" || tm.TagName != "乒乓球协会" ||
			tm.UserList[0].Name != "李四" || !reflect.DeepEqual(tm.PartyList, []int64{2}) {
			t.Errorf("got %+v %+v", tags, tm)
		}
		assertQuery(t, f, "tag/get", "tagid", "1")
	})
	t.Run("auth/getuserinfo", func(t *testing.T) {
		f.replyFile("auth/getuserinfo", "auth_getuserinfo_member.json")
		m, err := c.GetUserInfo(ctx, testCred, "CODE")
		must(t, err)
		f.replyFile("auth/getuserinfo", "auth_getuserinfo_nonmember.json")
		n, err := c.GetUserInfo(ctx, testCred, "CODE2")
		must(t, err)
		if m.UserID != "USERID" || m.UserTicket != "USER_TICKET" || n.OpenID != "OPENID" || n.ExternalUserID != "EXTERNAL_USERID" {
			t.Errorf("got %+v %+v", m, n)
		}
		assertQuery(t, f, "auth/getuserinfo", "code", "CODE2")
	})
	t.Run("auth/getuserdetail", func(t *testing.T) {
		f.replyFile("auth/getuserdetail", "auth_getuserdetail.json")
		d, err := c.GetUserDetail(ctx, testCred, "USER_TICKET")
		must(t, err)
		if d.UserID != "lisi" || d.Gender != "1" || d.Mobile != "13800000000" || d.BizMail == "" || d.Address == "" {
			t.Errorf("got %+v", d)
		}
	})
	t.Run("agent/get", func(t *testing.T) {
		f.replyFile("agent/get", "agent_get.json")
		a, err := c.GetAgent(ctx, testCred, 0)
		must(t, err)
		assertQuery(t, f, "agent/get", "agentid", "1000002") // the credential's agent
		if a.AgentID != 1000005 || !reflect.DeepEqual(a.VisibleUserIDs(), []string{"zhangshan", "lisi"}) ||
			!reflect.DeepEqual(a.AllowTags.TagID, []int64{1, 2, 3}) || a.CustomizedPublishStatus != 1 {
			t.Errorf("got %+v", a)
		}
	})
	t.Run("menu/get", func(t *testing.T) {
		f.replyFile("menu/get", "menu_get.json")
		m, err := c.GetMenu(ctx, testCred, 0)
		must(t, err)
		if len(m.Button) != 2 || len(m.Button[1].SubButton) != 2 || m.Button[1].SubButton[0].URL != "http://www.soso.com/" {
			t.Errorf("got %+v", m)
		}
	})
	t.Run("ip lists", func(t *testing.T) {
		f.replyFile("get_api_domain_ip", "get_api_domain_ip.json")
		f.replyFile("getcallbackip", "getcallbackip.json")
		a, err := c.GetAPIDomainIP(ctx, testCred)
		must(t, err)
		b, err := c.GetCallbackIP(ctx, testCred)
		must(t, err)
		if !reflect.DeepEqual(a, []string{"182.254.11.176", "182.254.78.66"}) || !reflect.DeepEqual(b, []string{"1.2.3.4", "2.3.3.3"}) {
			t.Errorf("got %v %v", a, b)
		}
	})
	t.Run("checkin", func(t *testing.T) {
		f.replyFile("checkin/getcheckindata", "checkin_getcheckindata.json")
		f.replyFile("checkin/getcheckinoption", "checkin_getcheckinoption.json")
		recs, err := c.GetCheckinData(ctx, testCred, CheckinDataRequest{
			OpenCheckinDataType: CheckinAll, StartTime: 1492617600, EndTime: 1492790400, UserIDList: []string{"james", "paul"}})
		must(t, err)
		assertGolden(t, f, "checkin/getcheckindata", "checkin_getcheckindata.json")
		if len(recs) != 1 || recs[0].Lat != 30547645 || recs[0].CheckinType != "上班打卡" || recs[0].TimelineID != 2 {
			t.Errorf("got %+v", recs)
		}
		opts, err := c.GetCheckinOption(ctx, testCred, 1511971200, []string{"james"})
		must(t, err)
		g := opts[0].Group
		if g.GroupID != 69 || g.GroupName != "打卡规则1" || g.CheckinDate[0].CheckinTime[0].WorkSec != 36000 ||
			g.CheckinDate[0].FlexTime != 300000 || len(g.Raw) == 0 {
			t.Errorf("got %+v", opts)
		}
	})
	t.Run("externalcontact", func(t *testing.T) {
		f.replyFile("externalcontact/get_follow_user_list", "externalcontact_get_follow_user_list.json")
		f.replyFile("externalcontact/list", "externalcontact_list.json")
		f.replyFile("externalcontact/get", "externalcontact_get.json")
		f.replyFile("externalcontact/batch/get_by_user", "externalcontact_batch_get_by_user.json")
		fu, err := c.GetFollowUserList(ctx, testCred)
		must(t, err)
		ids, err := c.ListExternalContacts(ctx, testCred, "zhangsan")
		must(t, err)
		d, err := c.GetExternalContact(ctx, testCred, "woAJ2GCAAAXtWyujaWJHDDGi0mACHAAA", "")
		must(t, err)
		b, err := c.BatchGetExternalContactsByUser(ctx, testCred, BatchGetByUserRequest{UserIDList: []string{"zhangsan", "lisi"}, Limit: 100})
		must(t, err)
		assertGolden(t, f, "externalcontact/batch/get_by_user", "externalcontact_batch_get_by_user.json")
		if len(fu) != 2 || len(ids) != 2 || d.ExternalContact.Type != 2 || d.FollowUser[0].Tags[2].Type != 3 ||
			d.NextCursor != "NEXT_CURSOR" || d.FollowUser[1].State != "外联二维码1" {
			t.Errorf("got %v %v %+v", fu, ids, d)
		}
		if len(b.ExternalContactList) != 2 || b.ExternalContactList[1].FollowInfo.TagID[1] != "stJHDDGi0mAGi0mACHBBByujaW" ||
			b.NextCursor == "" {
			t.Errorf("got %+v", b)
		}
	})
	t.Run("get_jsapi_ticket", func(t *testing.T) {
		f.replyFile("get_jsapi_ticket", "get_jsapi_ticket.json")
		tk, err := c.GetJSAPITicket(ctx, testCred)
		must(t, err)
		if tk.ExpiresIn != 7200 || len(tk.Ticket) < 20 {
			t.Errorf("got %+v", tk)
		}
	})
}

func TestGetTokenDecodesDocumentedAnswer(t *testing.T) {
	f := newFake(t)
	f.replyFile("gettoken", "gettoken.json")
	c, _, _ := newTestClient(t, f)
	tr, err := c.GetToken(context.Background(), testCred)
	must(t, err)
	if tr.AccessToken != "accesstoken000001" || tr.ExpiresIn != 7200 {
		t.Errorf("got %+v", tr)
	}
	q := f.lastRequest("gettoken").Query
	if q["corpid"][0] != testCorpID || q["corpsecret"][0] != testSecret || f.lastRequest("gettoken").Method != http.MethodGet {
		t.Errorf("gettoken request %+v", q)
	}
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

func assertQuery(t *testing.T, f *fakeWeCom, api, key, want string) {
	t.Helper()
	if got := f.lastRequest(api).Query[key]; len(got) != 1 || got[0] != want {
		t.Errorf("%s: query %s = %v, want %q", api, key, got, want)
	}
}

func assertGolden(t *testing.T, f *fakeWeCom, api, golden string) {
	t.Helper()
	r := f.lastRequest(api)
	if r.Method != http.MethodPost {
		t.Errorf("%s: method %s, want POST", api, r.Method)
	}
	assertJSONEqual(t, readTestdata(t, "golden/"+golden), r.Body)
}
