// Strings of the setup page (Simplified Chinese). setup.en.ts must have the same keys.
export default {}
