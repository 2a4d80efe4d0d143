package directory

// compare fills the preview's adds, updates, resigns and new departments
// from the valid rows and the current directory.
func compare(pv *Preview, p parsed, h headerMap, current []Account, tree *deptTree, th ResignThreshold) {
	byKey := make(map[string]*Account, len(current))
	active := 0
	for i := range current {
		byKey[accountKey(current[i].Account)] = &current[i]
		if current[i].Status == StatusActive {
			active++
		}
	}
	planned := map[string]bool{}
	// Rows share their parsed department cells (parseRows interns them), so
	// each distinct cell is looked at once.
	noted := map[*[]string]bool{}
	noteDepts := func(paths [][]string) {
		if len(paths) == 0 || noted[&paths[0]] {
			return
		}
		noted[&paths[0]] = true
		for _, path := range paths {
			for n := 1; n <= len(path); n++ {
				k := pathKey(path[:n])
				if _, ok := tree.byPath[k]; ok || planned[k] {
					continue
				}
				planned[k] = true
				pv.NewDepartments = append(pv.NewDepartments, append([]string(nil), path[:n]...))
			}
		}
	}
	// Every current account matches at most one row, so at least this many
	// rows are adds: all of them when the directory starts empty.
	pv.Adds = make([]ImportRow, 0, max(len(p.rows)-len(current), 0))
	pv.Updates, pv.Resigns = []UpdateRow{}, []ResignRow{}
	explicit := 0 // active accounts the file itself marks resigned
	for _, row := range p.rows {
		cur := byKey[accountKey(row.Account)]
		if cur == nil {
			pv.Adds = append(pv.Adds, row)
			noteDepts(row.DeptPaths)
			continue
		}
		after, changes := diffAccount(cur, row, h)
		if len(changes) == 0 {
			pv.Unchanged++
			continue
		}
		if cur.Status == StatusActive && after.Status == StatusResigned {
			explicit++
		}
		noteDepts(after.DeptPaths)
		pv.Updates = append(pv.Updates, UpdateRow{AccountID: cur.ID, After: after, Changes: changes})
	}
	// A file in which every row was rejected says nothing about who left.
	if pv.FullSnapshot && len(p.rows) > 0 {
		for _, a := range current {
			if a.Status == StatusActive && !inFile(p.seen, a.Account) {
				pv.Resigns = append(pv.Resigns, ResignRow{AccountID: a.ID, Account: a.Account, Name: a.Name, DeptPaths: a.DeptPaths})
			}
		}
	}
	if pv.NewDepartments == nil {
		pv.NewDepartments = [][]string{}
	}
	if pv.Rejected == nil {
		pv.Rejected = []Rejection{}
	}
	pv.ResignCount = len(pv.Resigns) + explicit
	if pv.ResignCount > 0 && active > 0 {
		pct := float64(pv.ResignCount) * 100 / float64(active)
		if pv.ResignCount > th.Count || pct > th.Percent {
			pv.ResignWarning = &ResignWarning{Count: pv.ResignCount, Active: active, Percent: pct, Threshold: th}
		}
	}
}

// diffAccount merges a file row into the current account. Columns missing
// from the file keep their current values; present columns, even empty
// cells, replace them.
func diffAccount(cur *Account, row ImportRow, h headerMap) (ImportRow, []FieldChange) {
	after := ImportRow{Line: row.Line, Account: row.Account, Name: row.Name, EmployeeNo: cur.EmployeeNo,
		Mobile: cur.Mobile, Email: cur.Email, Position: cur.Position, Status: cur.Status, DeptPaths: cur.DeptPaths}
	take := func(c column, dst *string, v string) {
		if h.has(c) {
			*dst = v
		}
	}
	take(colEmployeeNo, &after.EmployeeNo, row.EmployeeNo)
	take(colMobile, &after.Mobile, row.Mobile)
	take(colEmail, &after.Email, row.Email)
	take(colPosition, &after.Position, row.Position)
	after.WeComUserID = cur.WeComUserID
	take(colWeComUserID, &after.WeComUserID, row.WeComUserID)
	if h.has(colStatus) {
		after.Status = row.Status
	}
	if h.has(colDepartment) {
		after.DeptPaths = row.DeptPaths
	}
	var changes []FieldChange
	diff := func(c column, before, now string) {
		if before != now {
			changes = append(changes, FieldChange{Field: c.String(), Before: before, After: now})
		}
	}
	diff(colAccount, cur.Account, after.Account) // a change of letter case only
	diff(colName, cur.Name, after.Name)
	diff(colEmployeeNo, cur.EmployeeNo, after.EmployeeNo)
	diff(colMobile, cur.Mobile, after.Mobile)
	diff(colEmail, cur.Email, after.Email)
	diff(colDepartment, joinPaths(cur.DeptPaths), joinPaths(after.DeptPaths))
	diff(colPosition, cur.Position, after.Position)
	diff(colStatus, string(cur.Status), string(after.Status))
	diff(colWeComUserID, cur.WeComUserID, after.WeComUserID)
	return after, changes
}

func inFile(seen map[string]int, account string) bool {
	_, ok := seen[accountKey(account)]
	return ok
}
