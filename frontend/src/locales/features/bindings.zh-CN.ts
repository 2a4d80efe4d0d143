// Strings of the bindings page (Simplified Chinese). bindings.en.ts must have the same keys.
export default {}
