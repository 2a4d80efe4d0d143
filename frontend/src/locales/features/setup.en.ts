// Strings of the setup page (English); same keys as setup.zh-CN.ts.
export default {}
