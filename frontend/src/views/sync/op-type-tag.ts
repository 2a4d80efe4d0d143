// The tag colour of an operation type: removals red, creates green, the rest neutral.
type TagType = 'success' | 'warning' | 'danger' | 'info' | 'primary'

export function opTypeTag(type: string): TagType {
  if (/delete|disable|resign/.test(type)) return 'danger'
  if (/create|enable|invite/.test(type)) return 'success'
  if (/move/.test(type)) return 'warning'
  return 'primary'
}
