// Strings of the bindings page (English); same keys as bindings.zh-CN.ts.
export default {}
