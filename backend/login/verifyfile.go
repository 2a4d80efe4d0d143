package login

import (
	"context"
	"encoding/json"
	"net/http"
	"regexp"
	"strings"

	"wecom-bridge/backend/usererr"
)

// The trusted-domain verification file (可信域名 归属校验): WeCom's admin
// console hands out WW_verify_<code>.txt, to be served at the domain's root.
// The bridge serves the uploaded file at exactly /<name>, as text/plain, byte
// for byte, and nothing else under that name pattern.

const (
	settingVerifyFile = "login_ww_verify_file" // JSON {name, content}
	maxVerifyContent  = 256
)

var verifyNameRe = regexp.MustCompile(`^WW_verify_[A-Za-z0-9]{1,64}\.txt$`)

// IsVerifyFileName reports whether name looks like WeCom's verification
// file (WW_verify_<code>.txt), uploaded or not.
func IsVerifyFileName(name string) bool { return verifyNameRe.MatchString(name) }

// VerifyFile is the uploaded file.
type VerifyFile struct {
	Name    string `json:"name"`
	Content string `json:"content"`
}

// SetVerifyFile stores the file to serve ("" name removes it).
func (s *Service) SetVerifyFile(ctx context.Context, name string, content []byte) (VerifyFile, error) {
	name = strings.TrimSpace(name)
	if i := strings.LastIndexAny(name, `/\`); i >= 0 { // a browser may send a path
		name = name[i+1:]
	}
	if name == "" {
		return VerifyFile{}, s.st.SetSetting(ctx, settingVerifyFile, "")
	}
	if !IsVerifyFileName(name) {
		return VerifyFile{}, usererr.New("login_bad_verify_name", usererr.Args{"name": Clip(name)})
	}
	if len(content) == 0 || len(content) > maxVerifyContent {
		return VerifyFile{}, usererr.New("login_bad_verify_content", usererr.Args{"max": maxVerifyContent})
	}
	for _, b := range content {
		if (b < 0x20 || b > 0x7e) && b != '\n' && b != '\r' {
			return VerifyFile{}, usererr.New("login_bad_verify_content", usererr.Args{"max": maxVerifyContent})
		}
	}
	f := VerifyFile{Name: name, Content: string(content)}
	b, _ := json.Marshal(f)
	return f, s.st.SetSetting(ctx, settingVerifyFile, string(b))
}

// GetVerifyFile returns the stored file (zero when none).
func (s *Service) GetVerifyFile(ctx context.Context) (VerifyFile, error) {
	var f VerifyFile
	v, err := s.st.GetSetting(ctx, settingVerifyFile, "")
	if err != nil || v == "" {
		return f, err
	}
	return f, json.Unmarshal([]byte(v), &f)
}

// VerifyFileHandler serves the file at exactly its root path; any other
// path is 404.
func (s *Service) VerifyFileHandler() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		f, err := s.GetVerifyFile(r.Context())
		if err != nil || f.Name == "" || r.URL.Path != "/"+f.Name || (r.Method != http.MethodGet && r.Method != http.MethodHead) {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		w.Header().Set("Cache-Control", "no-store")
		_, _ = w.Write([]byte(f.Content))
	})
}
