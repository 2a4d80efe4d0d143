// Backend calls of the history page. Views import them through '@/api'.
export {}
