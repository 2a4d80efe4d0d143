package review

import (
	"strings"

	"wecom-bridge/backend/binding"
	"wecom-bridge/backend/usererr"
)

// exportColumns are the export's header codes, in column order. The import
// reads back the account column (本地账号 / Account) and the userid column
// (企业微信UserID / WeCom UserID) in either language.
var exportColumns = []string{"account", "name", "dept", "userid", "wecom_name", "wecom_dept", "method", "state", "confidence", "candidates", "note"}

// exportHeader is the export's first row in lang.
func exportHeader(lang string) []string {
	out := make([]string, len(exportColumns))
	for i, c := range exportColumns {
		out[i] = usererr.Msg("binding_export_col_"+c, nil).In(lang)
	}
	return out
}

// methodWord is a binding method as the export names it ("" for none).
func methodWord(method string) usererr.Message {
	if method == "" || !usererr.Known("binding_method_"+method) {
		return usererr.Message{Code: "binding_method", ZH: method, EN: method}
	}
	return usererr.Msg("binding_method_"+method, nil)
}

// reasonText is a row's reason in lang: its code's message with the
// arguments shown the way the review page shows them (methods and key
// fields named, an ambiguous row's own reason inside a choice), or the
// stored English text for a row without a known code.
func reasonText(code, args, fallback, lang string) string {
	if m, ok := reasonMessage(code, decodeArgs(args)); ok {
		return m.In(lang)
	}
	return fallback
}

func reasonMessage(code string, args map[string]string) (usererr.Message, bool) {
	if code == "" || !usererr.Known("binding_reason_"+code) {
		return usererr.Message{}, false
	}
	shown := usererr.Args{}
	for k, v := range args {
		if !strings.HasPrefix(k, "reason.") && k != "reason_code" {
			shown[k] = v
		}
	}
	if m, ok := args["method"]; ok {
		shown["method"] = methodWord(m)
	}
	if f, ok := args["field"]; ok && usererr.Known("binding_field_"+f) {
		shown["field"] = usererr.Msg("binding_field_"+f, nil)
	}
	switch code {
	case "key_conflict":
		methods := strings.Split(args["methods"], binding.ListSep)
		var zh, en []string
		for i, id := range strings.Split(args["userids"], binding.ListSep) {
			method := ""
			if i < len(methods) {
				method = methods[i]
			}
			item := usererr.Msg("binding_reason_item", usererr.Args{"id": id, "method": methodWord(method)})
			zh, en = append(zh, item.ZH), append(en, item.EN)
		}
		shown["items"] = usererr.Message{Code: "binding_reason_items", ZH: strings.Join(zh, "、"), EN: strings.Join(en, ", ")}
	case "chosen":
		inner := map[string]string{}
		for k, v := range args {
			if name, ok := strings.CutPrefix(k, "reason."); ok {
				inner[name] = v
			}
		}
		own, ok := reasonMessage(args["reason_code"], inner)
		if !ok {
			return usererr.Msg("binding_reason_chosen_bare", shown), true
		}
		shown["reason"] = own
	}
	return usererr.Msg("binding_reason_"+code, shown), true
}
