// Strings of the directory page (English); same keys as directory.zh-CN.ts.
export default {}
