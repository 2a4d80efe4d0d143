package wecom

import (
	"context"
	"net/url"
	"strconv"
)

// Department is one department as department/list and department/get return it.
type Department struct {
	ID               int64    `json:"id"`
	Name             string   `json:"name"`
	NameEN           string   `json:"name_en,omitempty"`
	DepartmentLeader []string `json:"department_leader,omitempty"`
	ParentID         int64    `json:"parentid"`
	Order            int64    `json:"order"` // [0, 2^32), bigger sorts first
}

// DepartmentID is a row of department/simplelist.
type DepartmentID struct {
	ID       int64 `json:"id"`
	ParentID int64 `json:"parentid"`
	Order    int64 `json:"order"`
}

// DepartmentCreate is the body of department/create. ID 0 lets WeCom choose
// one (a chosen ID must be > 1); Order nil means WeCom's default.
type DepartmentCreate struct {
	Name     string `json:"name"`
	NameEN   string `json:"name_en,omitempty"`
	ParentID int64  `json:"parentid"`
	Order    *int64 `json:"order,omitempty"`
	ID       int64  `json:"id,omitempty"`
}

// DepartmentUpdate is the body of department/update: nil fields stay unchanged.
type DepartmentUpdate struct {
	ID       int64   `json:"id"`
	Name     *string `json:"name,omitempty"`
	NameEN   *string `json:"name_en,omitempty"`
	ParentID *int64  `json:"parentid,omitempty"`
	Order    *int64  `json:"order,omitempty"`
}

func idQuery(key string, id int64) url.Values {
	return url.Values{key: {strconv.FormatInt(id, 10)}}
}

// optionalID is the query of APIs whose id is optional: 0 means "all".
func optionalID(key string, id int64) url.Values {
	if id == 0 {
		return nil
	}
	return idQuery(key, id)
}

// ListDepartments calls department/list: id and all departments below it, or
// the whole tree (within scope) when id is 0. WeCom calls it slow and refuses
// it to the 通讯录同步 secret from new IPs (48009); prefer ListDepartmentIDs.
func (c *Client) ListDepartments(ctx context.Context, cred Credential, id int64) ([]Department, error) {
	var out struct {
		Department []Department `json:"department"`
	}
	if err := c.do(ctx, cred, get("department/list", optionalID("id", id)), &out); err != nil {
		return nil, err
	}
	return out.Department, nil
}

// ListDepartmentIDs calls department/simplelist (recursive; id 0 = all).
func (c *Client) ListDepartmentIDs(ctx context.Context, cred Credential, id int64) ([]DepartmentID, error) {
	var out struct {
		DepartmentID []DepartmentID `json:"department_id"`
	}
	if err := c.do(ctx, cred, get("department/simplelist", optionalID("id", id)), &out); err != nil {
		return nil, err
	}
	return out.DepartmentID, nil
}

// GetDepartment calls department/get.
func (c *Client) GetDepartment(ctx context.Context, cred Credential, id int64) (*Department, error) {
	var out struct {
		Department Department `json:"department"`
	}
	if err := c.do(ctx, cred, get("department/get", idQuery("id", id)), &out); err != nil {
		return nil, err
	}
	return &out.Department, nil
}

// CreateDepartment calls department/create and returns the new department's ID.
func (c *Client) CreateDepartment(ctx context.Context, cred Credential, d DepartmentCreate) (int64, error) {
	var out struct {
		ID int64 `json:"id"`
	}
	if err := c.do(ctx, cred, post("department/create", d), &out); err != nil {
		return 0, err
	}
	return out.ID, nil
}

// UpdateDepartment calls department/update.
func (c *Client) UpdateDepartment(ctx context.Context, cred Credential, d DepartmentUpdate) error {
	return c.do(ctx, cred, post("department/update", d), nil)
}

// DeleteDepartment calls department/delete (a GET). The department must be
// empty: no members (60005), no sub-departments (60006), not the root (60007).
func (c *Client) DeleteDepartment(ctx context.Context, cred Credential, id int64) error {
	return c.do(ctx, cred, get("department/delete", idQuery("id", id)), nil)
}

// Ptr returns a pointer to v, for the optional fields of write requests.
func Ptr[T any](v T) *T { return &v }
