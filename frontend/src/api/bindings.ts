// Backend calls of the bindings page. Views import them through '@/api'.
export {}
