// The admin's five steps, in order, and the page where each is done.
// Done/count/detail come from the backend's GetStartStatus.
export const startSteps = [
  { key: 'connect', path: '/setup' },
  { key: 'import', path: '/directory' },
  { key: 'bind', path: '/bindings' },
  { key: 'preview', path: '/sync' },
  { key: 'apply', path: '/sync' },
] as const

export type StartStepKey = (typeof startSteps)[number]['key']
