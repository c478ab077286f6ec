import type { MessageDescriptor } from 'react-intl';

/**
 * react-intl 12 types a descriptor from `defineMessages` as taking no values at all, so a message
 * with `{count}` would need its value types spelt out by hand at each definition. Ids stay
 * explicit and FormatJS extracts these calls by name like its own; the values are checked by the
 * catalogue test (same arguments in every language) instead of the compiler.
 */
export function defineMessages<Keys extends string>(
  messages: Record<Keys, { id: string; defaultMessage: string; description?: string }>,
): Record<Keys, MessageDescriptor> {
  return messages;
}
