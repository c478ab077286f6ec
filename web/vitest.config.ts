import react from '@vitejs/plugin-react';
import { defineProject } from 'vitest/config';

// Component tests: the web app's own pieces in a DOM (happy-dom), without a server.
export default defineProject({
  plugins: [react()],
  test: {
    name: 'web',
    root: import.meta.dirname,
    environment: 'happy-dom',
    include: ['src/**/*.test.{ts,tsx}'],
    setupFiles: ['./src/test-setup.ts'],
    // A form test types a few hundred keys; on a machine running the server suites beside it, 5 s ran out mid-word.
    testTimeout: 20_000,
  },
});
