import { pgEnum } from 'drizzle-orm/pg-core';
import { CATALOGUE_VERSIONS } from '@jointops/shared/catalogue';

// Apart from the commodities table because operations name both: catalogue.ts refers to
// operations (an operation's own commodities), and a cycle of imports may evaluate one file first.
export const catalogueVersion = pgEnum('catalogue_version', CATALOGUE_VERSIONS);
