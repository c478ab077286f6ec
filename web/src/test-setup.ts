import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';

// Without vitest globals Testing Library cannot clean up by itself.
afterEach(cleanup);

// The component tests run beside the server suites on two cores: a mutation's answer may take
// longer than Testing Library's default second to reach the screen.
configure({ asyncUtilTimeout: 5_000 });
