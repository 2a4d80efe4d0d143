// Strings of the pushLogs page (English); same keys as pushLogs.zh-CN.ts.
export default {}
