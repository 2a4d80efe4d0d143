// Backend calls of the setup page. Views import them through '@/api'.
export {}
