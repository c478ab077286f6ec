/** The encodings the web build writes beside each file (web/vite.config.ts), best first. */
export const PRECOMPRESSED = [
  { encoding: 'br', suffix: '.br' },
  { encoding: 'gzip', suffix: '.gz' },
] as const;

export type Precompressed = (typeof PRECOMPRESSED)[number];

/** The last header read and what it says: a client sends the same one with every request. */
let lastRead: { header: string; accepted: readonly Precompressed[] } | null = null;

/**
 * What the client accepts, best first, from its Accept-Encoding: an encoding it names with q=0
 * (or does not name, with no `*`) is never sent, whatever it saves.
 */
export function acceptedEncodings(header: string | string[] | null | undefined): readonly Precompressed[] {
  if (typeof header !== 'string') return [];
  if (lastRead?.header === header) return lastRead.accepted;
  const weights = new Map<string, number>();
  for (const part of header.split(',')) {
    const [name, ...parameters] = part.trim().toLowerCase().split(';');
    const q = parameters.map((parameter) => /^\s*q=([0-9.]+)\s*$/.exec(parameter)?.[1]).find((value) => value !== undefined);
    if (name) weights.set(name, q === undefined ? 1 : Number(q));
  }
  const weightOf = (encoding: string) => weights.get(encoding) ?? weights.get('*') ?? 0;
  const accepted = Object.freeze(
    PRECOMPRESSED.filter(({ encoding }) => weightOf(encoding) > 0).sort((a, b) => weightOf(b.encoding) - weightOf(a.encoding)),
  );
  lastRead = { header, accepted };
  return accepted;
}
