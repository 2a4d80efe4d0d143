package logging

import (
	"bytes"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"sync"
)

// redactingWriter redacts each formatted log line before it reaches the
// underlying writer, so no handler or attribute path can leak a secret.
type redactingWriter struct {
	mu  sync.Mutex
	out io.Writer
	r   *Redactor
}

func (w *redactingWriter) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	clean := w.r.String(string(p))
	if _, err := w.out.Write([]byte(clean)); err != nil {
		return 0, err
	}
	return len(p), nil
}

// NewRedactingHandler returns a text handler writing redacted lines to out.
func NewRedactingHandler(out io.Writer, r *Redactor, level slog.Level) slog.Handler {
	return slog.NewTextHandler(&redactingWriter{out: out, r: r}, &slog.HandlerOptions{Level: level})
}

// Setup sends slog output to stderr and to <dataDir>/logs/wecom-bridge.log
// (capped at 5 MiB × 5 files), both redacted, and makes it the default logger.
// The returned closer flushes the file.
func Setup(dataDir string, level slog.Level) (*slog.Logger, io.Closer, error) {
	rf, err := openRotating(filepath.Join(dataDir, "logs"), 5<<20, 5)
	if err != nil {
		return nil, nil, err
	}
	logger := slog.New(NewRedactingHandler(io.MultiWriter(os.Stderr, rf), Default, level))
	slog.SetDefault(logger)
	return logger, rf, nil
}

// Capture returns a logger writing redacted text into a buffer, for tests.
func Capture() (*slog.Logger, *bytes.Buffer) {
	var buf bytes.Buffer
	return slog.New(NewRedactingHandler(&syncBuffer{b: &buf}, Default, slog.LevelDebug)), &buf
}

type syncBuffer struct {
	mu sync.Mutex
	b  *bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}
