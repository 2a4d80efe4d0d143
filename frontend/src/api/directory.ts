// Backend calls of the directory page. Views import them through '@/api'.
export {}
