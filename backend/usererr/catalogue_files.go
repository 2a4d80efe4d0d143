package usererr

// files: spreadsheet imports (backend/tabular) and their limits.
var files = map[string]entry{
	"upload_gone": {
		"上传的文件已不在（每次上传只能使用一次）：请重新选择文件",
		"The uploaded file is gone (an upload is used once): choose the file again."},
	"upload_too_large": {
		"文件超过 {maxMB} MiB：请拆分成几个较小的文件",
		"The file is over {maxMB} MiB: split it into smaller files."},
	"xlsx_unreadable": {
		"无法作为 Excel 工作簿打开（{detail}）：请在 Excel 中另存为 .xlsx 或 CSV 后重新导入",
		"The file cannot be opened as an Excel workbook ({detail}); save it again as .xlsx or CSV and import again."},
	"xlsx_over_limit": {
		"工作簿超出上限（{what}，上限 {limit}），未读取：请只保留需要导入的工作表和列，或另存为 CSV 后导入",
		"The workbook is over a limit ({what}, limit {limit}) and was not read; keep only the sheet and columns to import, or save it as CSV, and import again."},
	"file_too_many_rows": {
		"文件超过 {max} 行数据（第 {line} 行已超出）：请拆分成几个文件分别导入",
		"The file has more than {max} data rows (line {line} is past the limit); split it into several files and import them one by one."},
	"file_too_much_text": {
		"文件的文字超过 {maxMB} MB（到第 {line} 行为止）：请删除多余的列或拆分文件后导入",
		"The file holds more than {maxMB} MB of text (up to line {line}); delete unneeded columns or split the file and import again."},
	"file_too_many_columns": {
		"第 {line} 行在第 {max} 列之后还有内容：导入文件最多 {max} 列，请删除多余的列后导入",
		"Line {line} has values past column {max}; an import file has at most {max} columns: delete the extra columns and import again."},
	"file_too_large": {
		"文件有 {sizeMB} MB，超过 {maxMB} MB 上限：请拆分成几个文件分别导入",
		"The file is {sizeMB} MB, over the {maxMB} MB limit; split it into several files and import them one by one."},
	"members_rejected": {
		"{count} 名成员无法创建为本地账号；第一个：第 {line} 行（{account}）：{problem} — 请在企业微信中修正，或在本地通讯录中手动添加",
		"{count|One member|# members} cannot become local accounts; first: line {line} ({account}): {problem} — fix them in WeCom or add them by hand."},
	"stale_import": {
		"关联导入预览已过期：预览之后绑定有变化（重新匹配或编辑），请重新预览文件后再导入",
		"The import preview is stale: the bindings changed after it was made (a rematch or an edit); preview the file again and apply the new preview."},
}
