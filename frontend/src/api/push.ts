// Backend calls of the push page. Views import them through '@/api'.
export {}
