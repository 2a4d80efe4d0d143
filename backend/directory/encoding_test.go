package directory

import (
	"context"
	"strings"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"
)

const encodingFixture = "账号,姓名,部门\nzhangwei,张伟,总部/研发中心/后端组\nlina,李娜,总部/产品部\n"

func TestEncodingDetection(t *testing.T) {
	gbk, err := simplifiedchinese.GBK.NewEncoder().String(encodingFixture)
	if err != nil {
		t.Fatal(err)
	}
	utf16, err := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder().String(encodingFixture)
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name, data, encoding string
	}{
		{"utf-8", encodingFixture, EncodingUTF8},
		{"utf-8 with BOM", "\ufeff" + encodingFixture, EncodingUTF8BOM},
		{"gbk", gbk, EncodingGBK},
		{"utf-16 with BOM", utf16, EncodingUTF16},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if c.name == "gbk" && strings.Contains(c.data, "张伟") {
				t.Fatal("the GBK fixture is still UTF-8")
			}
			s := newTestService(t)
			pv := mustPreview(t, s, []byte(c.data), ImportOptions{})
			if pv.Encoding != c.encoding || pv.Delimiter != "comma" {
				t.Fatalf("encoding %q delimiter %q, want %q comma", pv.Encoding, pv.Delimiter, c.encoding)
			}
			if len(pv.Adds) != 2 || len(pv.Rejected) != 0 {
				t.Fatalf("adds %v rejected %v", pv.Adds, pv.Rejected)
			}
			a := pv.Adds[0]
			if a.Account != "zhangwei" || a.Name != "张伟" || paths(a.DeptPaths) != "总部/研发中心/后端组" || a.Line != 2 {
				t.Fatalf("first row = %+v", a)
			}
			if pv.Adds[1].Name != "李娜" || pv.Adds[1].Line != 3 {
				t.Fatalf("second row = %+v", pv.Adds[1])
			}
		})
	}
}

func TestTabDelimitedIsSniffedFromTheHeader(t *testing.T) {
	s := newTestService(t)
	// Commas inside a tab-separated file are data, not separators.
	pv := mustPreview(t, s, csvLines("account\tname\tposition", "zhangwei\t张伟\t经理, 研发"), ImportOptions{})
	if pv.Delimiter != "tab" || len(pv.Adds) != 1 || pv.Adds[0].Position != "经理, 研发" {
		t.Fatalf("delimiter %q adds %+v", pv.Delimiter, pv.Adds)
	}
}

func TestUndecodableFileIsRefusedWithItsLine(t *testing.T) {
	s := newTestService(t)
	data := []byte("账号,姓名\nzhangwei,张伟\nbad,\xff\xfe\xff\n")
	_, err := s.Preview(context.Background(), data, ImportOptions{})
	if err == nil || !strings.Contains(err.Error(), "neither UTF-8 nor GBK (line 3") {
		t.Fatalf("err = %v", err)
	}
}

func TestOldExcelAndFakeXLSXAreRefused(t *testing.T) {
	s := newTestService(t)
	ctx := context.Background()
	_, err := s.Preview(ctx, []byte("\xD0\xCF\x11\xE0rest"), ImportOptions{FileName: "a.xls"})
	if err == nil || !strings.Contains(err.Error(), "old Excel .xls") {
		t.Fatalf("err = %v", err)
	}
	_, err = s.Preview(ctx, []byte("账号,姓名\n"), ImportOptions{FileName: "a.xlsx"})
	if err == nil || !strings.Contains(err.Error(), "not an Excel workbook") {
		t.Fatalf("err = %v", err)
	}
	_, err = s.Preview(ctx, []byte("账号,姓名\n"), ImportOptions{Format: "ods"})
	if err == nil || !strings.Contains(err.Error(), `format "ods" is not supported`) {
		t.Fatalf("err = %v", err)
	}
}
