// Strings of the history page (Simplified Chinese). history.en.ts must have the same keys.
export default {}
