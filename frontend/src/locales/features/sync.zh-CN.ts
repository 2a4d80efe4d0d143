// Strings of the sync page (Simplified Chinese). sync.en.ts must have the same keys.
export default {}
