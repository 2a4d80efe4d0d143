package services

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"wecom-bridge/backend/tabular/tabulartest"
	"wecom-bridge/backend/usererr"
)

// upload posts data to the upload endpoint the UI uses and returns its id.
func upload(t *testing.T, s *Services, data []byte) string {
	t.Helper()
	srv := httptest.NewServer(s.FileHandlerMux())
	defer srv.Close()
	resp, err := http.Post(srv.URL+"/api/upload", "application/octet-stream", bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var out struct {
		ID string `json:"id"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&out); err != nil || out.ID == "" {
		t.Fatalf("upload: %d %v", resp.StatusCode, err)
	}
	return out.ID
}

// Issue 12 findings 2 and 3 through the wiring the UI uses: upload, then
// preview. The bomb is refused with a bilingual error and leaves no
// temporary files; the duplicate flood becomes a capped, linear preview.
func TestImportsThroughUploadAreBounded(t *testing.T) {
	tabulartest.PrivateTemp(t)
	s := openTest(t)
	ctx := context.Background()
	bomb := tabulartest.Bomb(300 << 20)
	_, err := s.PreviewDirectoryImport(ctx, upload(t, s, bomb), "bomb.xlsx", false)
	if !usererr.Is(err, "xlsx_over_limit") || !strings.Contains(usererr.ZH(err), "工作簿超出上限") {
		t.Fatalf("directory import of the bomb: %v", err)
	}
	c, err := s.StartDemo(ctx)
	if err != nil {
		t.Fatal(err)
	}
	_, err = s.PreviewBindingImport(ctx, c.ID, upload(t, s, bomb), "bomb.xlsx", "account")
	if !usererr.Is(err, "xlsx_over_limit") {
		t.Fatalf("binding import of the bomb: %v", err)
	}

	var flood strings.Builder
	flood.WriteString("account,name\n")
	for i := 0; i < 5000; i++ {
		flood.WriteString("same,张三\n")
	}
	pv, err := s.PreviewDirectoryImport(ctx, upload(t, s, []byte(flood.String())), "flood.csv", false)
	if err != nil {
		t.Fatal(err)
	}
	answer, _ := json.Marshal(pv)
	if pv.RejectCount != 5000 || len(pv.Preview.Rejected) != previewRowCap || len(answer) > 200_000 {
		t.Fatalf("%d rejected, %d shown, answer %d bytes", pv.RejectCount, len(pv.Preview.Rejected), len(answer))
	}
	if args := pv.Preview.Rejected[100].Problems[0].Args; args["count"] != "5000" || strings.Count(args["others"], ",") != 4 {
		t.Fatalf("args %v", args)
	}
}
