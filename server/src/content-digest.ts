import { createHash } from 'node:crypto';

// Idempotent writes keep a digest of what the first request asked for, so that a retry with the
// same key is told apart from a different request that reused it.

const canonical = (value: unknown): unknown =>
  value instanceof Date
    ? value.toISOString()
    : Array.isArray(value)
      ? value.map(canonical)
      : value && typeof value === 'object'
        ? Object.fromEntries(
            Object.entries(value)
              .sort(([a], [b]) => a.localeCompare(b))
              .map(([key, inner]) => [key, canonical(inner)]),
          )
        : value;

/** A stable digest of a request's content, blind to the order of object keys (sort id lists first). */
export function contentDigest(content: unknown): string {
  return createHash('sha256')
    .update(JSON.stringify(canonical(content)))
    .digest('hex');
}
