// Strings of the sync page (English); same keys as sync.zh-CN.ts.
export default {}
