import { z } from 'zod';

// The page's Content-Security-Policy forbids eval: zod validates without compiling its validators
// (otherwise it probes Function() as each object schema is made and leaves a violation report).
z.config({ jitless: true });
