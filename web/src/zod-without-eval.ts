import { z } from 'zod/v4';

// The page's Content-Security-Policy forbids eval: zod validates without compiling its validators
// (otherwise it probes Function() as each object schema is made and leaves a violation report).
// The build resolves every `zod` import to this module (vite.config.ts), so the setting is made
// before the first schema in whichever chunk first needs zod: zod stays out of the first chunk.
z.config({ jitless: true });

export * from 'zod/v4';
