//go:build !bindings

package desktop

// GeneratingBindings is true only in the bindings-generation build.
const GeneratingBindings = false
