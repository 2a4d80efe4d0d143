//go:build bindings

package desktop

// GeneratingBindings is true when `wails build`/`wails generate` runs this
// binary only to read the bound methods; main then skips opening the data dir.
const GeneratingBindings = true
