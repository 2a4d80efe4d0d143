// Strings of the history page (English); same keys as history.zh-CN.ts.
export default {}
