package transfer

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

func TestUploadIsTakenOnce(t *testing.T) {
	s, err := New(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(s.UploadHandler())
	defer srv.Close()
	resp, err := http.Post(srv.URL, "text/csv", strings.NewReader("account,name\nzs,张三\n"))
	if err != nil {
		t.Fatal(err)
	}
	var out struct {
		ID    string `json:"id"`
		Bytes int64  `json:"bytes"`
	}
	json.NewDecoder(resp.Body).Decode(&out)
	if out.Bytes != int64(len("account,name\nzs,张三\n")) {
		t.Fatalf("bytes %d", out.Bytes)
	}
	b, err := s.TakeUpload(out.ID)
	if err != nil || !bytes.Contains(b, []byte("张三")) {
		t.Fatalf("take: %q %v", b, err)
	}
	if _, err := s.TakeUpload(out.ID); !errors.Is(err, ErrUnknownUpload) {
		t.Fatal("an upload must be usable once")
	}
	if _, err := s.TakeUpload("../../etc/passwd"); !errors.Is(err, ErrUnknownUpload) {
		t.Fatal("path-like ids must be refused")
	}
}

func TestUploadOverLimitRefused(t *testing.T) {
	s, _ := New(t.TempDir())
	_, _, err := s.PutUpload(io.LimitReader(zeros{}, MaxUploadBytes+10))
	if err == nil || !strings.Contains(err.Error(), "MiB") {
		t.Fatalf("want a size error, got %v", err)
	}
}

func TestExportDownloadOnlyFromExportsDir(t *testing.T) {
	s, _ := New(t.TempDir())
	e, err := s.CreateExport("bindings corp/1", "csv", func(w io.Writer) error {
		_, err := io.WriteString(w, "a,b\n")
		return err
	})
	if err != nil || strings.ContainsAny(e.Name, " /") || e.Bytes != 4 {
		t.Fatalf("export %+v %v", e, err)
	}
	srv := httptest.NewServer(http.StripPrefix("", s.DownloadHandler()))
	defer srv.Close()
	resp, _ := http.Get(srv.URL + e.DownloadURL)
	body, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != 200 || string(body) != "a,b\n" || !strings.Contains(resp.Header.Get("Content-Disposition"), e.Name) {
		t.Fatalf("download: %d %q", resp.StatusCode, body)
	}
	for _, bad := range []string{"../bridge.db", "..%2Fbridge.db", "nope.csv"} {
		resp, _ := http.Get(srv.URL + "/api/download/" + bad)
		if resp.StatusCode != 404 {
			t.Fatalf("%s: %d", bad, resp.StatusCode)
		}
	}
	if _, err := s.CreateExport("x", "csv", func(io.Writer) error { return errors.New("boom") }); err == nil {
		t.Fatal("a failed write must fail the export")
	}
}

type zeros struct{}

func (zeros) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = 0
	}
	return len(p), nil
}
