package review

import (
	"context"
	"fmt"
	"sort"
	"strconv"
	"strings"

	"wecom-bridge/backend/binding"
)

// importIndex is what an import preview checks each line against: both
// sides of the last match, and the current bindings.
type importIndex struct {
	locals  map[string][]*sideRec // normalised key value → accounts holding it
	members map[string]*sideRec   // folded userid
	// binding rows (proposed or confirmed), by folded account and userid
	byAccount, byUserID map[string]*rowRec
}

func (s *Service) loadImportIndex(ctx context.Context, corpID int64, keyField string) (*importIndex, error) {
	var sides []sideRec
	if err := s.st.DB.SelectContext(ctx, &sides, `SELECT side, key, name, employee_no, mobile, email, position,
		dept_paths, inactive, '' AS search_text FROM bind_sides WHERE corp_id = ?`, corpID); err != nil {
		return nil, err
	}
	idx := &importIndex{locals: map[string][]*sideRec{}, members: map[string]*sideRec{},
		byAccount: map[string]*rowRec{}, byUserID: map[string]*rowRec{}}
	for i := range sides {
		sd := &sides[i]
		if sd.Side == sideWeCom {
			idx.members[foldKey(sd.Key)] = sd
			continue
		}
		if k := localKey(sd, keyField); k != "" {
			idx.locals[k] = append(idx.locals[k], sd)
		}
	}
	var rows []rowRec
	if err := s.st.DB.SelectContext(ctx, &rows, selectRow+`WHERE corp_id = ? AND state IN ('proposed', 'confirmed')`, corpID); err != nil {
		return nil, err
	}
	for i := range rows {
		idx.byAccount[foldKey(rows[i].Account)] = &rows[i]
		idx.byUserID[foldKey(rows[i].UserID)] = &rows[i]
	}
	return idx, nil
}

// localKey is a local account's value of the key field, normalised the way
// the file's value is.
func localKey(sd *sideRec, keyField string) string {
	switch keyField {
	case "employee_no":
		return foldKey(sd.EmployeeNo)
	case "mobile":
		return sd.Mobile // stored normalised
	case "email":
		return sd.Email
	}
	return foldKey(sd.Key)
}

func normaliseKey(keyField, v string) string {
	switch keyField {
	case "mobile":
		return binding.NormalizeMobile(v)
	case "email":
		return binding.NormalizeEmail(v)
	}
	return foldKey(v)
}

// resolve checks one line. It returns the pair to bind, or unchanged when the
// pair is already confirmed, or why the line is refused.
func (x *importIndex) resolve(keyField, key, uid string) (pair ImportPair, unchanged bool, why *refusal) {
	ls := x.locals[normaliseKey(keyField, key)]
	switch {
	case len(ls) == 0:
		return pair, false, refuse(fmt.Sprintf("unknown %s %q: no local account has it; check the value, "+
			"or add the account to the directory and rematch", keyLabel[keyField], key),
			RejectUnknownKey, "field", keyField, "value", key)
	case len(ls) > 1:
		var names []string
		for _, l := range ls {
			names = append(names, l.Key)
		}
		return pair, false, refuse(fmt.Sprintf("%s %q belongs to %d local accounts (%s); use the account as key field for this line",
			keyLabel[keyField], key, len(ls), strings.Join(names, ", ")),
			RejectSharedKey, "field", keyField, "value", key, "count", strconv.Itoa(len(ls)),
			"accounts", strings.Join(names, binding.ListSep))
	}
	l := ls[0]
	w := x.members[foldKey(uid)]
	if w == nil {
		return pair, false, refuse(fmt.Sprintf("unknown userid %q: not among the WeCom members of the last match; "+
			"check it, or pull WeCom contacts and rematch", uid), RejectUnknownUserID, "userid", uid)
	}
	pair = ImportPair{Key: key, Account: l.Key, UserID: w.Key, LocalName: l.Name, WeComName: w.Name}
	ra, ru := x.byAccount[foldKey(l.Key)], x.byUserID[foldKey(w.Key)]
	if ra != nil && ra == ru && ra.State == StateConfirmed {
		return pair, true, nil
	}
	if ra != nil && ra.State == StateConfirmed {
		return pair, false, refuse(fmt.Sprintf("account %s is already bound to userid %s (row %d); unbind it first, or delete this line",
			ra.Account, ra.UserID, ra.ID), RejectAccountBound, "account", ra.Account, "userid", ra.UserID,
			"row", strconv.FormatInt(ra.ID, 10))
	}
	if ru != nil && ru.State == StateConfirmed {
		return pair, false, refuse(fmt.Sprintf("userid %s is already bound to account %s (row %d); unbind it first, or delete this line",
			ru.UserID, ru.Account, ru.ID), RejectUserIDBound, "userid", ru.UserID, "account", ru.Account,
			"row", strconv.FormatInt(ru.ID, 10))
	}
	if ra != nil && ra == ru { // proposed as it is: the import confirms the proposal
		return pair, false, nil
	}
	for _, r := range []*rowRec{ra, ru} {
		if r != nil {
			pair.Replaces = fmt.Sprintf("%s ↔ %s (%s)", r.Account, r.UserID, r.Method)
			break
		}
	}
	return pair, false, nil
}

func sortRejects(rs []ImportReject) {
	sort.SliceStable(rs, func(i, j int) bool { return rs[i].Line < rs[j].Line })
}
