// Strings of the push page (English); same keys as push.zh-CN.ts.
export default {}
