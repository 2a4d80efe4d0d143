package directory

import (
	"bytes"
	"fmt"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"
)

// Encodings reported in Preview.Encoding.
const (
	EncodingUTF8    = "UTF-8"
	EncodingUTF8BOM = "UTF-8 (BOM)"
	EncodingUTF16   = "UTF-16"
	EncodingGBK     = "GBK"
)

var utf8BOM = []byte{0xEF, 0xBB, 0xBF}

// decodeText turns a CSV file into UTF-8 text. Valid UTF-8 (with or without
// a BOM) is taken as it is; otherwise the bytes are read as GBK (through
// GB18030, its superset, which is what Excel on Chinese Windows writes).
// A UTF-16 BOM is honoured too: Excel's "Unicode text" export uses it.
func decodeText(data []byte) ([]byte, string, error) {
	switch {
	case bytes.HasPrefix(data, utf8BOM):
		data = data[len(utf8BOM):]
		if !utf8.Valid(data) {
			return nil, "", fmt.Errorf("the file starts with a UTF-8 BOM but %s is not UTF-8; save it again as \"CSV UTF-8\" and import again",
				lineOfInvalidUTF8(data))
		}
		return data, EncodingUTF8BOM, nil
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}), bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		out, err := unicode.UTF16(unicode.BigEndian, unicode.ExpectBOM).NewDecoder().Bytes(data)
		if err != nil {
			return nil, "", fmt.Errorf("the file looks like UTF-16 but cannot be decoded (%v); save it as \"CSV UTF-8\" and import again", err)
		}
		return out, EncodingUTF16, nil
	case utf8.Valid(data):
		return data, EncodingUTF8, nil
	}
	out, err := simplifiedchinese.GB18030.NewDecoder().Bytes(data)
	if err != nil || bytes.ContainsRune(out, utf8.RuneError) {
		return nil, "", fmt.Errorf("the file is neither UTF-8 nor GBK (%s has bytes that are valid in neither); "+
			"save it as \"CSV UTF-8\" and import again", lineOfInvalidUTF8(data))
	}
	return out, EncodingGBK, nil
}

// lineOfInvalidUTF8 names the first line holding bytes that are not UTF-8.
func lineOfInvalidUTF8(data []byte) string {
	line := 1
	for len(data) > 0 {
		r, size := utf8.DecodeRune(data)
		if r == utf8.RuneError && size <= 1 {
			return fmt.Sprintf("line %d", line)
		}
		if r == '\n' {
			line++
		}
		data = data[size:]
	}
	return "a line"
}
