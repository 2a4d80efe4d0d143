package services

import (
	"context"
	"fmt"
	"strings"
	"time"

	"wecom-bridge/backend/usererr"
	"wecom-bridge/backend/version"
)

// AppInfo is what the Settings page shows about this installation.
type AppInfo struct {
	Version     string `json:"version"`
	Commit      string `json:"commit"`
	BuildDate   string `json:"buildDate"`
	DataDir     string `json:"dataDir"`
	DBPath      string `json:"dbPath"`
	DBSizeBytes int64  `json:"dbSizeBytes"`
	Mode        string `json:"mode"`
	Language    string `json:"language"`
}

const settingLanguage = "ui.language"

// Languages the UI ships.
var Languages = []string{"zh-CN", "en"}

// AppInfo reports the version, where data lives and the UI language.
func (s *Services) AppInfo(ctx context.Context) (AppInfo, error) {
	lang, err := s.Store.GetSetting(ctx, settingLanguage, "zh-CN")
	if err != nil {
		return AppInfo{}, err
	}
	return AppInfo{
		Version:     version.Current(),
		Commit:      version.CommitOrUnknown(),
		BuildDate:   version.BuildDateOrUnknown(),
		DataDir:     s.DataDir,
		DBPath:      s.Store.Path,
		DBSizeBytes: s.Store.SizeBytes(),
		Mode:        string(s.Mode),
		Language:    lang,
	}, nil
}

// SetLanguage persists the UI language.
func (s *Services) SetLanguage(ctx context.Context, lang string) error {
	for _, l := range Languages {
		if l == lang {
			return s.Store.SetSetting(ctx, settingLanguage, lang)
		}
	}
	return usererr.New("language_unavailable", usererr.Args{"lang": fmt.Sprintf("%q", lang), "choices": strings.Join(Languages, ", ")})
}

// processStart is as close to exec as Go lets us get without cgo.
var processStart = time.Now()

// MarkUIReady is called by the frontend once it has mounted. It logs
// "ui ready" with the time since the process started: the desktop smoke test
// waits for that line, and make bench reports it as cold start to first paint.
func (s *Services) MarkUIReady() {
	s.Log.Info("ui ready", "since_start_ms", time.Since(processStart).Milliseconds(), "mode", s.Mode)
}
