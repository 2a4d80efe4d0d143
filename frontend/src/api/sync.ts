// Backend calls of the sync page. Views import them through '@/api'.
export {}
