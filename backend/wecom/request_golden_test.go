package wecom

import (
	"context"
	"errors"
	"net/http"
	"reflect"
	"testing"
)

// TestMessageRequestsMatchGolden sends each message type and compares the
// body WeCom receives with testdata/golden.
func TestMessageRequestsMatchGolden(t *testing.T) {
	ctx := context.Background()
	f := newFake(t)
	f.replyFile("message/send", "message_send.json")
	c, _, _ := newTestClient(t, f)
	app := Credential{Name: "app", AgentID: 1, Secret: testSecret}

	textNotice := &TemplateCard{
		CardType: CardTextNotice,
		Source:   &CardSource{IconURL: "图片的url", Desc: "企业微信", DescColor: 1},
		ActionMenu: &CardActionMenu{Desc: "卡片副交互辅助文本说明",
			ActionList: []CardActionItem{{"接收推送", "A"}, {"不再推送", "B"}}},
		TaskID:          "task_id",
		MainTitle:       &CardMainTitle{Title: "欢迎使用企业微信", Desc: "您的好友正在邀请您加入企业微信"},
		EmphasisContent: &CardEmphasis{Title: "100", Desc: "核心数据"},
		QuoteArea:       &CardQuoteArea{Type: 1, URL: "https://work.weixin.qq.com", Title: "企业微信的引用样式", QuoteText: "企业微信真好用呀真好用"},
		SubTitleText:    "下载企业微信还能抢红包！",
		HorizontalContentList: []CardHorizontal{
			{KeyName: "邀请人", Value: "张三"},
			{Type: 1, KeyName: "企业微信官网", Value: "点击访问", URL: "https://work.weixin.qq.com"},
			{Type: 2, KeyName: "企业微信下载", Value: "企业微信.apk", MediaID: "文件的media_id"},
			{Type: 3, KeyName: "员工信息", Value: "点击查看", UserID: "zhangsan"},
		},
		JumpList: []CardJump{
			{Type: 1, Title: "企业微信官网", URL: "https://work.weixin.qq.com"},
			{Type: 2, Title: "跳转小程序", AppID: "小程序的appid", PagePath: "/index.html"},
		},
		CardAction: &CardAction{Type: 2, URL: "https://work.weixin.qq.com", AppID: "小程序的appid", PagePath: "/index.html"},
	}
	newsNotice := &TemplateCard{
		CardType:  CardNewsNotice,
		Source:    &CardSource{IconURL: "图片的url", Desc: "企业微信", DescColor: 1},
		TaskID:    "task_id",
		MainTitle: &CardMainTitle{Title: "欢迎使用企业微信", Desc: "您的好友正在邀请您加入企业微信"},
		QuoteArea: &CardQuoteArea{Type: 1, URL: "https://work.weixin.qq.com", Title: "企业微信的引用样式", QuoteText: "企业微信真好用呀真好用"},
		ImageTextArea: &CardImageTextArea{Type: 1, URL: "https://work.weixin.qq.com", Title: "企业微信的左图右文样式",
			Desc: "企业微信真好用呀真好用", ImageURL: "https://img.iplaysoft.com/wp-content/uploads/2019/free-images/free_stock_photo_2x.jpg"},
		CardImage:             &CardImage{URL: "图片的url", AspectRatio: 1.3},
		VerticalContentList:   []CardVertical{{Title: "惊喜红包等你来拿", Desc: "下载企业微信还能抢红包！"}},
		HorizontalContentList: []CardHorizontal{{KeyName: "邀请人", Value: "张三"}},
		JumpList:              []CardJump{{Type: 1, Title: "企业微信官网", URL: "https://work.weixin.qq.com"}},
		CardAction:            &CardAction{Type: 1, URL: "https://work.weixin.qq.com"},
	}
	cases := []struct {
		golden string
		cred   Credential
		msg    Message
	}{
		{"send_text.json", app, Message{ToUser: JoinIDs([]string{"UserID1", "UserID2"}), ToParty: "PartyID1", ToTag: "TagID1",
			Text:                   &Text{Content: "你的快递已到，请携带工卡前往邮件中心领取。\n出发前可查看<a href=\"https://work.weixin.qq.com\">邮件中心视频实况</a>，聪明避开排队。"},
			DuplicateCheckInterval: 1800}},
		{"send_textcard.json", app, Message{ToUser: "UserID1|UserID2|UserID3", ToParty: JoinIDs([]int64{1, 2}), ToTag: JoinIDs([]int{3, 4}),
			TextCard: &TextCard{Title: "领奖通知",
				Description: "<div class=\"gray\">2016年9月26日</div> <div class=\"normal\">恭喜你抽中iPhone 7一台，领奖码：xxxx</div><div class=\"highlight\">请于2016年10月10日前联系行政同事领取</div>",
				URL:         "URL", BtnTxt: "更多"},
			EnableIDTrans: 1, EnableDuplicateCheck: 1, DuplicateCheckInterval: 1800}},
		{"send_news.json", app, Message{ToUser: "UserID1|UserID2|UserID3", MsgType: MsgNews, News: &News{Articles: []Article{{
			Title: "中秋节礼品领取", Description: "今年中秋节公司有豪礼相送", URL: "URL",
			PicURL: "http://res.mail.qq.com/node/ww/wwopenmng/images/independent/doc/test_pic_msg1.png",
			AppID:  "wx123123123123123", PagePath: "pages/index?userid=zhangsan&orderid=123123123"}}}}},
		{"send_markdown.json", app, Message{ToUser: "@all", Markdown: &Markdown{Content: "您的会议室已经预定，稍后会同步到`邮箱`\n>**事项详情**\n>事　项：<font color=\"info\">开会</font>\n>组织者：@miglioguan\n>\n>会议室：<font color=\"info\">广州TIT 1楼 301</font>\n>日　期：<font color=\"warning\">2018年5月18日</font>\n>时　间：<font color=\"comment\">上午9:00-11:00</font>\n>\n>请准时参加会议。\n>\n>如需修改会议信息，请点击：[修改会议信息](https://work.weixin.qq.com)"}}},
		{"send_template_card_text_notice.json", app, Message{ToUser: "UserID1|UserID2|UserID3", ToParty: "1|2", ToTag: "3|4",
			TemplateCard: textNotice, DuplicateCheckInterval: 1800}},
		{"send_template_card_news_notice.json", app, Message{ToUser: "UserID1|UserID2|UserID3", TemplateCard: newsNotice}},
		{"send_template_card_button_interaction.json", testCred, Message{ToUser: "zhangsan", TemplateCard: &TemplateCard{
			CardType: CardButtonInteraction, TaskID: "sync-approve-20240101-001",
			MainTitle:    &CardMainTitle{Title: "通讯录同步待确认", Desc: "将删除 3 名成员"},
			SubTitleText: "请确认是否执行",
			ButtonList:   []CardButton{{Text: "确认", Style: 1, Key: "confirm"}, {Text: "取消", Style: 2, Key: "cancel"}}},
			EnableDuplicateCheck: 1, DuplicateCheckInterval: 1800}},
	}
	for _, tc := range cases {
		t.Run(tc.golden, func(t *testing.T) {
			res, err := c.SendMessage(ctx, tc.cred, tc.msg)
			must(t, err)
			assertGolden(t, f, "message/send", tc.golden)
			if res.MsgID != "xxxx" || res.ResponseCode != "xyzxyz" {
				t.Errorf("result %+v", res)
			}
		})
	}
}

func TestSendResultReportsInvalidRecipientsWithErrcodeZero(t *testing.T) {
	f := newFake(t)
	f.replyFile("message/send", "message_send.json")
	c, _, _ := newTestClient(t, f)
	res, err := c.SendMessage(context.Background(), testCred, Message{ToUser: "a|b", Text: &Text{Content: "hi"}})
	must(t, err)
	if !reflect.DeepEqual(res.InvalidUsers(), []string{"userid1", "userid2"}) ||
		!reflect.DeepEqual(res.InvalidParties(), []string{"partyid1", "partyid2"}) ||
		!reflect.DeepEqual(res.InvalidTags(), []string{"tagid1", "tagid2"}) ||
		!reflect.DeepEqual(res.UnlicensedUsers(), []string{"userid3", "userid4"}) {
		t.Errorf("got %+v", res)
	}
}

func TestSendReturnsResultAndErrorWhenAllInvalid(t *testing.T) {
	f := newFake(t)
	f.reply("message/send", `{"errcode":81013,"errmsg":"user & party & tag all invalid","invaliduser":"nobody","msgid":""}`)
	c, _, _ := newTestClient(t, f)
	res, err := c.SendMessage(context.Background(), testCred, Message{ToUser: "nobody", Text: &Text{Content: "hi"}})
	var apiErr *Error
	if !errors.As(err, &apiErr) || apiErr.Code != 81013 || apiErr.API != "message/send" {
		t.Fatalf("err = %v", err)
	}
	if res == nil || res.InvalidUser != "nobody" {
		t.Errorf("result %+v", res)
	}
	if f.count("message/send") != 1 {
		t.Errorf("81013 must not be retried, %d calls", f.count("message/send"))
	}
}

func TestSendValidatesBeforeCalling(t *testing.T) {
	f := newFake(t)
	c, _, _ := newTestClient(t, f)
	bad := []Message{
		{ToUser: "a"}, // no payload
		{ToUser: "a", Text: &Text{Content: "x"}, Markdown: &Markdown{Content: "y"}},
		{ToUser: "a", MsgType: MsgMarkdown, Text: &Text{Content: "x"}},
		{Text: &Text{Content: "x"}}, // no recipients
		{ToUser: "a", News: &News{Articles: make([]Article, 9)}},
		{ToUser: "a", TemplateCard: &TemplateCard{CardType: CardButtonInteraction}},
		{ToUser: "a", TemplateCard: &TemplateCard{CardType: CardTextNotice}},
	}
	for i, m := range bad {
		if _, err := c.SendMessage(context.Background(), testCred, m); err == nil {
			t.Errorf("case %d: no error", i)
		}
	}
	if n := f.count("message/send"); n != 0 {
		t.Errorf("invalid messages reached WeCom %d times", n)
	}
}

func TestOtherWriteRequestsMatchGolden(t *testing.T) {
	ctx := context.Background()
	f := newFake(t)
	f.replyFile("department/create", "department_create.json")
	c, _, _ := newTestClient(t, f)

	id, err := c.CreateDepartment(ctx, testCred, DepartmentCreate{Name: "广州研发中心", NameEN: "RDGZ", ParentID: 1, Order: Ptr[int64](1), ID: 2})
	must(t, err)
	assertGolden(t, f, "department/create", "department_create.json")
	if id != 2 {
		t.Errorf("id %d", id)
	}
	must(t, c.UpdateDepartment(ctx, testCred, DepartmentUpdate{ID: 2, NameEN: Ptr(""), Order: Ptr[int64](0)}))
	assertGolden(t, f, "department/update", "department_update_clear.json")

	must(t, c.CreateUser(ctx, testCred, UserWrite{
		UserID: "zhangsan", Name: Ptr("张三"), Alias: Ptr("jackzhang"), Mobile: Ptr("+86 13800000000"),
		Department: []int64{1, 2}, Order: []int64{10, 40}, Position: Ptr("产品经理"), Gender: Ptr("1"),
		Email: Ptr("zhangsan@gzdev.com"), IsLeaderInDept: []int{1, 0}, Enable: Ptr(1),
		AvatarMediaID: Ptr("2-G6nrLmr5EC3MNb_-zL1dDdzkd0p7cNliYu9V5w7o8K0"), Telephone: Ptr("020-123456"),
		Address: Ptr("广州市海珠区新港中路"), MainDepartment: Ptr[int64](1),
		ExtAttr: &ExtAttrs{Attrs: []ExtAttr{
			{Type: 0, Name: "文本名称", Text: &ExtAttrText{Value: "文本"}},
			{Type: 1, Name: "网页名称", Web: &ExtAttrWeb{URL: "http://www.test.com", Title: "标题"}}}},
		ToInvite: Ptr(true), ExternalPosition: Ptr("高级产品经理"),
		ExternalProfile: &ExternalProfile{ExternalCorpName: "企业简称", WechatChannels: &WechatChannels{Nickname: "视频号名称"},
			ExternalAttr: []ExtAttr{
				{Type: 0, Name: "文本名称", Text: &ExtAttrText{Value: "文本"}},
				{Type: 1, Name: "网页名称", Web: &ExtAttrWeb{URL: "http://www.test.com", Title: "标题"}},
				{Type: 2, Name: "测试app", Miniprogram: &ExtAttrMiniProg{AppID: "wx8bd8012614784fake", PagePath: "/index", Title: "my miniprogram"}}}},
	}))
	assertGolden(t, f, "user/create", "user_create.json")

	// Disabling must send enable 0; clearing must send "" and [].
	must(t, c.UpdateUser(ctx, testCred, UserWrite{UserID: "zhangsan", Enable: Ptr(0), Position: Ptr(""), DirectLeader: []string{}}))
	assertGolden(t, f, "user/update", "user_update_disable.json")

	must(t, c.BatchDeleteUsers(ctx, testCred, []string{"zhangsan", "lisi"}))
	assertGolden(t, f, "user/batchdelete", "user_batchdelete.json")

	must(t, c.DeleteUser(ctx, testCred, "zhangsan"))
	must(t, c.DeleteDepartment(ctx, testCred, 5))
	if r := f.lastRequest("user/delete"); r.Method != http.MethodGet || r.Query["userid"][0] != "zhangsan" {
		t.Errorf("user/delete must be GET ?userid=, got %+v", r)
	}
	assertQuery(t, f, "department/delete", "id", "5")

	must(t, c.RecallMessage(ctx, testCred, "vcT8gGc-7dFb4bxT35ONjBDz901sLlXPZw1DAMC_Gc26qRpK-AK5sTJkkb0128t"))
	assertGolden(t, f, "message/recall", "recall.json")

	_, err = c.UpdateTemplateCard(ctx, Credential{AgentID: 1, Secret: testSecret}, UpdateTemplateCard{
		UserIDs: []string{"userid1", "userid2"}, PartyIDs: []int64{2, 3}, TagIDs: []int64{44, 55},
		ResponseCode: "response_code", Button: &ReplaceButton{ReplaceName: "replace_name"}})
	must(t, err)
	assertGolden(t, f, "message/update_template_card", "update_template_card.json")

	must(t, c.SetAgent(ctx, testCred, AgentSettings{AgentID: 1000005, ReportLocationFlag: Ptr(0), LogoMediaID: Ptr("xxxxx"),
		Name: Ptr("财经助手"), Description: Ptr("内部财经服务平台"), RedirectDomain: Ptr("open.work.weixin.qq.com"),
		IsReportEnter: Ptr(0), HomeURL: Ptr("https://open.work.weixin.qq.com")}))
	assertGolden(t, f, "agent/set", "agent_set.json")

	must(t, c.CreateMenu(ctx, testCred, 0, Menu{Button: []MenuButton{
		{Type: "click", Name: "今日歌曲", Key: "V1001_TODAY_MUSIC"},
		{Name: "菜单", SubButton: []MenuButton{
			{Type: "view", Name: "搜索", URL: "http://www.soso.com/"},
			{Type: "click", Name: "赞一下我们", Key: "V1001_GOOD"}}}}}))
	assertGolden(t, f, "menu/create", "menu_create.json")
	assertQuery(t, f, "menu/create", "agentid", "1000002")
}

func TestLocalLimitsAreCheckedBeforeCalling(t *testing.T) {
	ctx := context.Background()
	f := newFake(t)
	c, _, _ := newTestClient(t, f)
	if err := c.BatchDeleteUsers(ctx, testCred, make([]string, 201)); err == nil {
		t.Error("201 userids accepted")
	}
	if _, err := c.ListUserIDs(ctx, testCred, "", 10001); err == nil {
		t.Error("limit 10001 accepted")
	}
	if _, err := c.GetCheckinData(ctx, testCred, CheckinDataRequest{StartTime: 1, EndTime: 1 + 31*24*3600, UserIDList: []string{"a"}}); err == nil {
		t.Error("31-day span accepted")
	}
	if _, err := c.BatchGetExternalContactsByUser(ctx, testCred, BatchGetByUserRequest{UserIDList: []string{"a"}, Limit: 101}); err == nil {
		t.Error("limit 101 accepted")
	}
	if n := f.count("gettoken"); n != 0 {
		t.Errorf("local validation spent %d gettoken calls", n)
	}
}

func TestListAllUserIDsFollowsCursor(t *testing.T) {
	f := newFake(t)
	f.sequence("user/list_id",
		`{"errcode":0,"errmsg":"ok","next_cursor":"c1","dept_user":[{"userid":"a","department":1}]}`,
		`{"errcode":0,"errmsg":"ok","next_cursor":"","dept_user":[{"userid":"b","department":4294967296}]}`)
	c, _, _ := newTestClient(t, f)
	all, err := c.ListAllUserIDs(context.Background(), testCred)
	must(t, err)
	if !reflect.DeepEqual(all, []DeptUser{{"a", 1}, {"b", 4294967296}}) {
		t.Errorf("got %+v", all)
	}
	assertJSONEqual(t, []byte(`{"cursor":"c1","limit":10000}`), f.lastRequest("user/list_id").Body)
}
