// Relay global ids: base64url("<Type>:<uuid>"). Kept outside the GraphQL layer because services
// decode the ids they receive in inputs and report a bad one against the field that carried it.

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function encodeGlobalId(typename: string, id: string | number | bigint): string {
  return Buffer.from(`${typename}:${id}`, 'utf8').toString('base64url');
}

export function decodeGlobalId(globalId: string): { typename: string; id: string } | null {
  if (!/^[A-Za-z0-9_-]+={0,2}$/.test(globalId)) return null;
  const decoded = Buffer.from(globalId, 'base64url').toString('utf8');
  const separator = decoded.indexOf(':');
  if (separator <= 0) return null;
  return { typename: decoded.slice(0, separator), id: decoded.slice(separator + 1) };
}

export const isUuid = (value: string): boolean => UUID.test(value);

/** The uuid behind a global id of the expected type, or null when it is anything else. */
export function uuidFromGlobalId(globalId: string, typename: string): string | null {
  const decoded = decodeGlobalId(globalId);
  if (!decoded || decoded.typename !== typename || !UUID.test(decoded.id)) return null;
  return decoded.id.toLowerCase();
}
