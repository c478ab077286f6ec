import { uuidFromGlobalId } from '../../global-id';

/** The `operationId` argument of the "awaiting my …" lists, as a room passes it to keep to its own operation. */
export const awaitingOperationArgument = {
  description: "Only this operation's alerts; every operation the viewer may see when left out.",
} as const;

/**
 * Which operation an "awaiting my …" list keeps to: none given, every one (undefined); an id that
 * is no operation's keeps to none (null), an empty page rather than every alert.
 */
export function awaitingOperation(operationId: string | number | null | undefined): string | null | undefined {
  if (operationId == null) return undefined;
  return uuidFromGlobalId(String(operationId), 'Operation');
}
