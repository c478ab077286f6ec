import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkModuleOrder, describeViolation, importsOf, readSources } from './module-order';

const repositoryRoot = fileURLToPath(new URL('../..', import.meta.url));

// Sources are built from parts so that this file's own text holds no import the checker would read.
const importing = (names: string, specifier: string) => `import ${names} from ${JSON.stringify(specifier)};\n`;

const tree = (files: Record<string, string>) => new Map(Object.entries(files));

describe('the module order (docs/ARCHITECTURE.md)', () => {
  it('holds for every import of server, shared and web', () => {
    const violations = checkModuleOrder(readSources(repositoryRoot)).map(describeViolation);
    expect(violations, `imports against the order:\n${violations.join('\n')}`).toEqual([]);
  });
});

describe('the module order check', () => {
  it('reports a feature importing a feature above it, with the file, line and layers', () => {
    const files = tree({
      'server/src/modules/operations/phases.service.ts': `// gate facts\n${importing('{ count }', '../seizures/seizures.repo')}`,
      'server/src/modules/seizures/seizures.repo.ts': importing('{ visibleTo }', '../operations/operations.repo'),
    });
    expect(checkModuleOrder(files).map(describeViolation)).toEqual([
      'server/src/modules/operations/phases.service.ts:2 → ../seizures/seizures.repo (modules/operations may not import modules/seizures)',
    ]);
  });

  it('lets a layer import the layers below it, and a module itself', () => {
    const files = tree({
      'server/src/modules/alerts/alerts.service.ts': [
        importing('{ audited }', '../../journal/audited'),
        importing('type { Db }', '../../db/client'),
        importing('{ builder }', '../../graphql/builder'),
        importing('{ canSeeOperation }', '../operations/operations.policy'),
        importing('{ alertVisibleTo }', './alerts.repo'),
        importing('{ ALERT_SEVERITIES }', '@jointops/shared/domain'),
        importing('{ GraphQLError }', 'graphql'),
      ].join(''),
      'web/src/modules/alerts/alert-form.tsx': importing('{ raiseAlertInput }', '@jointops/shared/alerts'),
    });
    expect(checkModuleOrder(files)).toEqual([]);
  });

  it('reports type-only, re-exported, multi-line and dynamic imports alike', () => {
    const files = tree({
      'server/src/journal/audited.ts': [
        importing('type { AlertRow }', '../modules/alerts/alerts.repo'),
        `export { x } from ${JSON.stringify('../live/hub')};\n`,
        importing('{\n  a,\n  b,\n}', '../graphql/builder'),
        `const later = () => import(${JSON.stringify('../modules/audit/audit.graphql')});\n`,
      ].join(''),
    });
    expect(checkModuleOrder(files).map(({ edge, reason }) => `${edge.line} ${reason}`)).toEqual([
      '1 journal may not import modules/alerts',
      '2 journal may not import live',
      '6 journal may not import graphql',
      '7 journal may not import modules/audit',
    ]);
  });

  it('ignores a commented-out import', () => {
    expect(importsOf('server/src/clock.ts', `// ${importing('{ app }', './app')} * ${importing('x', './main')}`)).toEqual([]);
  });

  it('lets tests borrow any fixtures, and keeps the product away from them', () => {
    const files = tree({
      'server/src/modules/accounts/accounts.policy.test.ts': importing('{ standings }', '../operations/standings.testkit'),
      'server/src/modules/alerts/alerts.service.ts': importing('{ standings }', '../operations/standings.testkit'),
    });
    expect(checkModuleOrder(files).map(({ edge, reason }) => `${edge.file} ${reason}`)).toEqual([
      'server/src/modules/alerts/alerts.service.ts only tests may import test code',
    ]);
  });

  it('keeps the web app to shared', () => {
    const files = tree({ 'web/src/lib/urql.ts': importing('{ encodeGlobalId }', '@jointops/server/global-id') });
    expect(checkModuleOrder(files).map(({ reason }) => reason)).toEqual(['web may import only shared']);
  });

  it('reports features of one tier that import each other', () => {
    const files = tree({
      'server/src/modules/alerts/alerts.repo.ts': importing('{ linkedSeizures }', '../seizures/seizures.repo'),
      'server/src/modules/seizures/seizures.repo.ts': importing('{ alertVisibleTo }', '../alerts/alerts.repo'),
      'server/src/modules/checks/checks.repo.ts': importing('{ alertVisibleTo }', '../alerts/alerts.repo'),
    });
    expect(checkModuleOrder(files).map(({ reason }) => reason)).toEqual([
      'feature modules import each other: modules/alerts → modules/seizures → modules/alerts',
    ]);
  });

  it('keeps SQL to the repositories of a feature module', () => {
    const files = tree({
      'server/src/modules/alerts/escalation.job.ts': importing('{ alerts }', '../../db/schema/alerts'),
      'server/src/modules/alerts/alerts.service.ts': importing('{ eq }', 'drizzle-orm') + importing('type { SQL }', 'drizzle-orm'),
      'server/src/modules/alerts/alerts.repo.ts': importing('{ eq }', 'drizzle-orm') + importing('{ alerts }', '../../db/schema/alerts'),
      'server/src/modules/alerts/alerts.graphql.ts': importing('type { alerts }', '../../db/schema/alerts'),
    });
    expect(checkModuleOrder(files).map(({ edge, reason }) => `${edge.file}:${edge.line} ${reason}`)).toEqual([
      'server/src/modules/alerts/escalation.job.ts:1 SQL belongs in a *.repo.ts',
      'server/src/modules/alerts/alerts.service.ts:1 SQL belongs in a *.repo.ts',
    ]);
  });

  it('refuses a module the order does not place', () => {
    const files = tree({ 'server/src/modules/invoices/invoices.repo.ts': importing('type { Db }', '../../db/client') });
    expect(checkModuleOrder(files).map(({ reason }) => reason)).toEqual(['modules/invoices has no place in the order']);
  });

  it('refuses a server folder the order does not place', () => {
    const files = tree({ 'server/src/feature/flags.ts': importing('type { Db }', '../db/client') });
    expect(checkModuleOrder(files).map(({ reason }) => reason)).toEqual(['server/src/feature has no place in the order']);
  });
});
