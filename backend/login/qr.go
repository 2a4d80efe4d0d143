package login

import (
	"encoding/base64"

	qrcode "github.com/skip2/go-qrcode"

	"wecom-bridge/backend/usererr"
)

// QRSizes are the PNG sizes offered for download, in pixels.
var QRSizes = map[string]int{"s": 258, "m": 512, "l": 1024}

// maxQRContent bounds what a QR code holds; longer links make codes too
// dense to scan from paper or a screen.
const maxQRContent = 2300

// QRPNG renders content as a QR code PNG of about the named size (s, m, l),
// with medium error correction (15 %). Every module is a whole number of
// pixels (crisp when printed and easy to scan), so the image is at most the
// nominal size.
func QRPNG(content, size string) ([]byte, error) {
	px, ok := QRSizes[size]
	if !ok {
		return nil, usererr.New("login_bad_qr_size", usererr.Args{"size": size})
	}
	if content == "" || len(content) > maxQRContent {
		return nil, usererr.New("login_qr_too_long", usererr.Args{"max": maxQRContent})
	}
	q, err := qrcode.New(content, qrcode.Medium)
	if err != nil {
		return nil, err
	}
	modules := len(q.Bitmap()) // with the quiet zone
	return q.PNG(-max(1, px/modules))
}

// QRDataURL is QRPNG as a data: URL, for the page to show and download.
func QRDataURL(content, size string) (string, error) {
	b, err := QRPNG(content, size)
	if err != nil {
		return "", err
	}
	return "data:image/png;base64," + base64.StdEncoding.EncodeToString(b), nil
}
