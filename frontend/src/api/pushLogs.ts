// Backend calls of the pushLogs page. Views import them through '@/api'.
export {}
