package main

import (
	"bytes"
	"fmt"
	"strconv"

	"wecom-bridge/backend/binding"
)

// writeConfidences emits the binding engine's one confidence scale: the
// fixed confidence per method (binding.Confidence) and of the two kinds of
// ambiguous rows, so the review screen shows a row, its candidates and the
// confirmed result on the same scale without copying a number.
func writeConfidences(b *bytes.Buffer) {
	b.WriteString("/** A binding's confidence per method (backend/binding/confidence.go): one scale for a row, its candidates and the confirmed result. */\n")
	b.WriteString("export const bindingConfidence: Record<BindingMethod, number> = {\n")
	for _, m := range bindingMethods() {
		fmt.Fprintf(b, "  %s: %s,\n", quote(m), strconv.FormatFloat(binding.Confidence(binding.Method(m)), 'f', -1, 64))
	}
	b.WriteString("}\n")
	fmt.Fprintf(b, "/** The confidence of an ambiguous row: keys that point at different members, or namesakes departments do not separate. */\n"+
		"export const ambiguousConfidence = { keys: %s, name: %s } as const\n\n",
		strconv.FormatFloat(binding.ConfidenceAmbiguousKeys, 'f', -1, 64), strconv.FormatFloat(binding.ConfidenceAmbiguousName, 'f', -1, 64))
}

// bindingMethods is the BindingMethod enum's values.
func bindingMethods() []string {
	for _, e := range enums() {
		if e.Type == "BindingMethod" {
			return e.Values
		}
	}
	return nil
}
