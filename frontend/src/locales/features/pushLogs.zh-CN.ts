// Strings of the pushLogs page (Simplified Chinese). pushLogs.en.ts must have the same keys.
export default {}
