import type { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migratedOver } from './migration-test-support';

// catalogue_french_apostrophes on names as the catalogue once stored them.

const MIGRATION = 'catalogue_french_apostrophes';
let client: PGlite;

async function reference(database: PGlite, code: string, nameFr: string) {
  await database.query(
    `insert into commodities (code, version, category, name_en, name_fr, default_unit)
     values ($1, 'PGS-2010', 'PRECURSOR_CHEMICAL', $1, $2, 'KG')`,
    [code, nameFr],
  );
}

beforeAll(async () => {
  client = await migratedOver(MIGRATION, async (before) => {
    await reference(before, 'AMMONIUM_NITRATE', "Nitrate d'ammonium");
    await reference(before, 'ALUMINIUM_POWDER', "Poudre d'aluminium");
    // An administrator's own wording: not the catalogue's text, so not the migration's to change.
    await reference(before, 'HYDROGEN_PEROXIDE', "Peroxyde d'hydrogène (eau oxygénée)");
  });
}, 60_000);

afterAll(async () => {
  await client.close();
});

const nameOf = async (code: string) =>
  (await client.query<{ name_fr: string }>('select name_fr from commodities where code = $1', [code])).rows[0]?.name_fr;

describe('migration catalogue_french_apostrophes', () => {
  it('writes the catalogue’s French names with ’', async () => {
    expect(await nameOf('AMMONIUM_NITRATE')).toBe('Nitrate d’ammonium');
    expect(await nameOf('ALUMINIUM_POWDER')).toBe('Poudre d’aluminium');
  });

  it('leaves a name an administrator edited as it is', async () => {
    expect(await nameOf('HYDROGEN_PEROXIDE')).toBe("Peroxyde d'hydrogène (eau oxygénée)");
  });
});
