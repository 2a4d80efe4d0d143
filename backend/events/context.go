package events

import "context"

type ctxKey struct{}

// WithEmitter returns ctx carrying em: work started under ctx reports its
// progress to em (a job's emitter, which tags every event with the job id)
// instead of its service's own emitter.
func WithEmitter(ctx context.Context, em Emitter) context.Context {
	return context.WithValue(ctx, ctxKey{}, em)
}

// From returns the emitter ctx carries, or fallback when it carries none.
func From(ctx context.Context, fallback Emitter) Emitter {
	if em, ok := ctx.Value(ctxKey{}).(Emitter); ok && em != nil {
		return em
	}
	return fallback
}
