package directory

import (
	"fmt"
	"strings"

	"wecom-bridge/backend/usererr"
)

// column is one known column of an import file.
type column int

const (
	colAccount column = iota
	colName
	colEmployeeNo
	colMobile
	colEmail
	colDepartment
	colPosition
	colStatus
	colWeComUserID
	numColumns
)

// columnNames are the canonical English names, also used as field names in
// errors and change lists.
var columnNames = [numColumns]string{"account", "name", "employee_no", "mobile", "email", "department", "position", "status", "wecom_userid"}

func (c column) String() string { return columnNames[c] }

// message names the column in each language: the catalogue's
// directory_column_<name>, whose Chinese is the header exports write.
func (c column) message() usererr.Message { return usererr.Msg("directory_column_"+columnNames[c], nil) }

// label is how errors name a column to the admin: account (账号).
func (c column) label() string { return columnNames[c] + " (" + c.message().ZH + ")" }

// columnMessage names the column called name in each language (name itself
// when it is not a column).
func columnMessage(name string) usererr.Message {
	for c := range numColumns {
		if columnNames[c] == name {
			return c.message()
		}
	}
	return usererr.Message{Code: usererr.CodeText, ZH: name, EN: name}
}

// knownColumns lists every column as account/账号, for a header warning.
func knownColumns() string {
	names := make([]string, numColumns)
	for c := range numColumns {
		names[c] = columnNames[c] + "/" + c.message().ZH
	}
	return strings.Join(names, ", ")
}

// headerAliases maps a normalised header cell to its column. Besides the
// documented names it accepts the spellings of WeCom's own batch-import
// template (帐号, 手机号, 所在部门), so that file imports as it is.
var headerAliases = map[string]column{
	"account": colAccount, "账号": colAccount, "帐号": colAccount, "userid": colAccount,
	"name": colName, "姓名": colName,
	"employeeno": colEmployeeNo, "工号": colEmployeeNo, "员工编号": colEmployeeNo,
	"mobile": colMobile, "手机": colMobile, "手机号": colMobile, "手机号码": colMobile,
	"email": colEmail, "邮箱": colEmail, "电子邮箱": colEmail,
	"department": colDepartment, "部门": colDepartment, "所在部门": colDepartment,
	"position": colPosition, "职位": colPosition, "职务": colPosition,
	"status": colStatus, "状态": colStatus,
	"wecomuserid": colWeComUserID, "企业微信账号": colWeComUserID, "企业微信帐号": colWeComUserID, "企业微信userid": colWeComUserID,
}

// normalizeHeader trims a header cell, drops a BOM and a required-field
// marker (*), lower-cases it and removes spaces, _ and - so that
// "Employee No", "employee_no" and "EmployeeNo" are one name.
func normalizeHeader(cell string) string {
	s := strings.TrimPrefix(cell, "\ufeff")
	s = strings.TrimSpace(s)
	s = strings.Trim(s, "*＊ ")
	s = strings.ToLower(s)
	return strings.Map(func(r rune) rune {
		switch r {
		case ' ', '_', '-', '\u3000':
			return -1
		}
		return r
	}, s)
}

// headerMap says which cell index holds each column (-1: the file has no
// such column, and the field is left as it is on existing accounts).
type headerMap [numColumns]int

func (h headerMap) has(c column) bool { return h[c] >= 0 }

// columns lists the canonical names of the columns present, in column order.
func (h headerMap) columns() []string {
	var out []string
	for c := column(0); c < numColumns; c++ {
		if h.has(c) {
			out = append(out, c.String())
		}
	}
	return out
}

// mapHeader reads the header row. Unknown columns are warnings; a missing
// account or name column, or a column given twice, is an error.
func mapHeader(cells []string) (headerMap, []string, error) {
	var h headerMap
	for i := range h {
		h[i] = -1
	}
	var warnings []string
	for i, cell := range cells {
		key := normalizeHeader(cell)
		if key == "" {
			continue
		}
		c, ok := headerAliases[key]
		if !ok {
			warnings = append(warnings, fmt.Sprintf("column %d %q is not a known column and was ignored "+
				"(known: %s)", i+1, strings.TrimSpace(cell), knownColumns()))
			continue
		}
		if h[c] >= 0 {
			return h, nil, fmt.Errorf("the header has the %s column twice (columns %d and %d); delete one of them and import again",
				c.label(), h[c]+1, i+1)
		}
		h[c] = i
	}
	var missing []string
	for _, c := range []column{colAccount, colName} {
		if !h.has(c) {
			missing = append(missing, c.label())
		}
	}
	if len(missing) > 0 {
		return h, nil, fmt.Errorf("the header (line 1) has no %s column: add it and import again; "+
			"line 1 must name the columns, e.g. 账号,姓名,部门 or account,name,department",
			strings.Join(missing, " and no "))
	}
	return h, warnings, nil
}
