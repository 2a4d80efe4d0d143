// Strings of the directory page (Simplified Chinese). directory.en.ts must have the same keys.
export default {}
