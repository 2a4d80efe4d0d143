// Strings of the push page (Simplified Chinese). push.en.ts must have the same keys.
export default {}
