import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSchema, validate, type DocumentNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { AuditTrailQuery } from '../audit/audit-documents';
import { TimelineAgenciesQuery, TimelineQuery } from './timeline-documents';

// gql.tada types each field, but does not run every rule of GraphQL validation: two events with a
// field of one name and different types (`reason: String` and `reason: String!`) pass its check
// and are refused by the server. These documents go through the full rules here.

const schema = buildSchema(readFileSync(join(import.meta.dirname, '..', '..', '..', '..', 'server', 'schema.graphql'), 'utf8'));

describe('the journal documents', () => {
  it.each([
    ['the timeline', TimelineQuery],
    ['its agencies', TimelineAgenciesQuery],
    ['the audit trail', AuditTrailQuery],
  ])('%s are valid against the server schema', (_name, document) => {
    expect(validate(schema, document as DocumentNode).map((error) => error.message)).toEqual([]);
  });
});
