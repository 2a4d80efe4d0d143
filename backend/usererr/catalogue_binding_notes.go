package usererr

// bindingNotes: the notes of the binding audit (bindings page → History),
// stored as {code, args} in bind_audit.note and rendered when read, so the
// history reads in the admin's language.
var bindingNotes = map[string]entry{
	"binding_note_bulk_confirm":         {"批量确认高置信度绑定（置信度 ≥ {min}）", "Bulk confirmation, confidence ≥ {min}"},
	"binding_note_replaced_by_bulk":     {"被一次批量确认取代", "Replaced by a bulk confirmation"},
	"binding_note_replaced_by_pair":     {"被 {pair} 取代", "Replaced by {pair}"},
	"binding_note_forced_bind_manual":   {"因手动绑定 {account} ↔ {userid} 而解除", "Forced by binding {account} ↔ {userid} by hand"},
	"binding_note_forced_resolve":       {"因选定候选 {account} ↔ {userid} 而解除", "Forced by choosing {account} ↔ {userid} among candidates"},
	"binding_note_forced_import":        {"因关联导入 {account} ↔ {userid} 而解除", "Forced by importing {account} ↔ {userid}"},
	"binding_note_replaced_bind_manual": {"被手动绑定 {account} ↔ {userid} 取代", "Replaced by binding {account} ↔ {userid} by hand"},
	"binding_note_replaced_resolve":     {"被选定的候选 {account} ↔ {userid} 取代", "Replaced by choosing {account} ↔ {userid} among candidates"},
	"binding_note_replaced_import":      {"被关联导入的 {account} ↔ {userid} 取代", "Replaced by importing {account} ↔ {userid}"},
	"binding_note_import_line":          {"关联导入预览 {preview}，第 {line} 行", "Import preview {preview}, line {line}"},
	"binding_note_userid_renamed":       {"企业微信 UserID 由 {old} 改为 {new}", "WeCom userid {old} → {new}"},
}
