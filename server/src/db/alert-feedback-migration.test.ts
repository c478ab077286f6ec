import type { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migratedOver } from './migration-test-support';

// The data step of alert_feedback_per_recipient, on rows as the schema before it stored them: the
// database is migrated up to the previous migration, old-style rows go in, then the rest runs.

const MIGRATION = 'alert_feedback_per_recipient';
const ids = {
  my: '00000000-0000-4000-8000-0000000000a1',
  th: '00000000-0000-4000-8000-0000000000a2',
  id: '00000000-0000-4000-8000-0000000000a3',
  wco: '00000000-0000-4000-8000-0000000000a4',
  myUser: '00000000-0000-4000-8000-0000000000b1',
  thUser: '00000000-0000-4000-8000-0000000000b2',
  idUser: '00000000-0000-4000-8000-0000000000b3',
  operation: '00000000-0000-4000-8000-0000000000c1',
  /** Answered by Thailand, then Indonesia, then Thailand again: all of it in the audit trail. */
  answered: '00000000-0000-4000-8000-0000000000d1',
  /** An outcome on the row with no audit entry behind it, given by an Indonesian. */
  unaudited: '00000000-0000-4000-8000-0000000000d2',
  /** An outcome given by someone of the originating agency: no recipient to attribute it to. */
  unattributable: '00000000-0000-4000-8000-0000000000d3',
  /** RED, stored for all participants before that was refused. */
  red: '00000000-0000-4000-8000-0000000000d4',
};
const at = (minute: number) => new Date(Date.UTC(2026, 10, 20, 8, minute)).toISOString();

let client: PGlite;

async function seedOldStyleRows(client: PGlite) {
  const q = (text: string, params: unknown[] = []) => client.query(text, params);
  for (const [id, name, kind] of [
    [ids.my, 'Royal Malaysian Customs', 'CUSTOMS'],
    [ids.th, 'Thai Customs', 'CUSTOMS'],
    [ids.id, 'DJBC Indonesia', 'CUSTOMS'],
    [ids.wco, 'WCO', 'INTERNATIONAL_ORGANIZATION'],
  ])
    await q('insert into agencies (id, name, kind, created_at) values ($1, $2, $3, now())', [id, name, kind]);
  for (const [id, agency] of [
    [ids.myUser, ids.my],
    [ids.thUser, ids.th],
    [ids.idUser, ids.id],
  ])
    await q("insert into users (id, email, display_name, agency_id, password_hash) values ($1, $2, 'Officer', $3, 'x')", [
      id,
      `${id}@x.test`,
      agency,
    ]);
  await q(
    `insert into operations (id, code, name, programme, reference_time_zone, catalogue_version, phase, acknowledgement_minutes, created_by, created_at, updated_at)
     values ($1, 'OP-M', 'Migration', 'PROGRAMME_GLOBAL_SHIELD', 'UTC', 'PGS-2023', 'OPERATIONAL', '{"CRITICAL":15,"HIGH":60,"MEDIUM":240,"LOW":1440}', $2, now(), now())`,
    [ids.operation, ids.myUser],
  );
  const alert = (
    id: string,
    number: number,
    marking: string,
    outcome: string,
    note: string | null,
    by: string | null,
    when: string | null,
  ) =>
    q(
      `insert into alerts (id, operation_id, number, reference, idempotency_key, content_hash, category, severity, title, marking, distribution,
         outcome, outcome_note, outcome_by, outcome_at, raised_by, raised_by_agency_id, raised_at)
       values ($1, $2, $3, $4, $5, 'h', 'SHIPMENT', 'HIGH', 'Ammonium nitrate', $6, 'ALL_PARTICIPANTS', $7, $8, $9, $10, $11, $12, $13)`,
      [id, ids.operation, number, `OP-M/A-${number}`, `key-${number}`, marking, outcome, note, by, when, ids.myUser, ids.my, at(0)],
    );
  await alert(ids.answered, 1, 'AMBER', 'SEIZED', '24 t seized.', ids.thUser, at(29));
  await alert(ids.unaudited, 2, 'AMBER', 'NOTHING_FOUND', 'Opened: fertiliser.', ids.idUser, at(12));
  await alert(ids.unattributable, 3, 'AMBER', 'NOTHING_FOUND', 'Said by the originator.', ids.myUser, at(13));
  await alert(ids.red, 4, 'RED', 'PENDING', null, null, null);
  for (const alertId of [ids.answered, ids.unaudited, ids.unattributable])
    for (const agency of [ids.th, ids.id, ids.wco])
      await q('insert into alert_recipients (alert_id, agency_id, due_at) values ($1, $2, $3)', [alertId, agency, at(60)]);
  await q('insert into alert_recipients (alert_id, agency_id, due_at) values ($1, $2, $3)', [ids.red, ids.th, at(60)]);
  for (const [user, agency, outcome, minute] of [
    [ids.thUser, ids.th, 'NOT_CONTROLLED', 10],
    [ids.idUser, ids.id, 'NOTHING_FOUND', 20],
    [ids.thUser, ids.th, 'SEIZED', 30],
  ] as const)
    await q(
      `insert into audit_entries (occurred_at, actor_user_id, actor_agency_id, action, target_type, target_id, operation_id, outcome, details)
       values ($1, $2, $3, 'giveAlertFeedback', 'Alert', $4, $5, 'SUCCEEDED', $6)`,
      [at(minute), user, agency, ids.answered, ids.operation, JSON.stringify({ outcome })],
    );
  await q(
    `insert into audit_entries (occurred_at, actor_user_id, actor_agency_id, action, target_type, target_id, operation_id, outcome, reason, details)
     values ($1, $2, $3, 'giveAlertFeedback', 'Alert', $4, $5, 'REFUSED', 'FORBIDDEN', '{"outcome":"SEIZED"}')`,
    [at(31), ids.myUser, ids.my, ids.answered, ids.operation],
  );
  for (const [seq, type, alertId] of [
    [1, 'OPERATION_CREATED', null],
    [2, 'ALERT_RAISED', ids.red],
    [3, 'ALERT_ACKNOWLEDGED', ids.red],
  ] as const)
    await q(
      'insert into operation_events (operation_id, seq, type, occurred_at, actor_user_id, audience_agency_ids, data) values ($1, $2, $3, $4, $5, null, $6)',
      [
        ids.operation,
        seq,
        type,
        at(seq),
        ids.myUser,
        JSON.stringify(alertId ? { alertId, agencyId: ids.th } : { code: 'OP-M', name: 'Migration' }),
      ],
    );
}

beforeAll(async () => {
  client = await migratedOver(MIGRATION, seedOldStyleRows);
}, 60_000);

afterAll(async () => {
  await client.close();
});

const rows = async <T>(text: string, params: unknown[] = []) => (await client.query<T>(text, params)).rows;

describe('the migration to feedback per recipient', () => {
  it("gives each recipient agency its feedback, history included, from the audit trail and the alert row's note", async () => {
    const feedback = await rows<{ agency_id: string; outcome: string; note: string | null; given_by: string; superseded: boolean }>(
      'select agency_id, outcome, note, given_by, superseded_at is not null as superseded from alert_feedback where alert_id = $1 order by given_at',
      [ids.answered],
    );
    expect(feedback).toEqual([
      { agency_id: ids.th, outcome: 'NOT_CONTROLLED', note: null, given_by: ids.thUser, superseded: true },
      { agency_id: ids.id, outcome: 'NOTHING_FOUND', note: null, given_by: ids.idUser, superseded: false },
      { agency_id: ids.th, outcome: 'SEIZED', note: '24 t seized.', given_by: ids.thUser, superseded: false },
    ]);
  });

  it('carries over an outcome with no audit entry as the feedback of its giver, when their agency is a recipient', async () => {
    expect(await rows('select agency_id, outcome, note from alert_feedback where alert_id = $1', [ids.unaudited])).toEqual([
      { agency_id: ids.id, outcome: 'NOTHING_FOUND', note: 'Opened: fertiliser.' },
    ]);
    expect(await rows('select * from alert_feedback where alert_id = $1', [ids.unattributable])).toEqual([]);
  });

  it("derives each alert's outcome from its recipients' feedback", async () => {
    expect(await rows('select id, outcome from alerts order by number')).toEqual([
      { id: ids.answered, outcome: 'SEIZED' },
      { id: ids.unaudited, outcome: 'NOTHING_FOUND' },
      { id: ids.unattributable, outcome: 'PENDING' },
      { id: ids.red, outcome: 'PENDING' },
    ]);
  });

  it('makes a RED alert stored for all participants RESTRICTED, and narrows its events to its agencies', async () => {
    expect(await rows('select distribution from alerts where id = $1', [ids.red])).toEqual([{ distribution: 'RESTRICTED' }]);
    expect(await rows("select distinct distribution from alerts where marking <> 'RED'")).toEqual([{ distribution: 'ALL_PARTICIPANTS' }]);
    const events = await rows<{ type: string; audience: string[] | null }>(
      'select type, audience_agency_ids as audience from operation_events order by seq',
    );
    expect(events.map((event) => [event.type, event.audience && [...event.audience].sort()])).toEqual([
      ['OPERATION_CREATED', null],
      ['ALERT_RAISED', [ids.my, ids.th].sort()],
      ['ALERT_ACKNOWLEDGED', [ids.my, ids.th].sort()],
    ]);
    await expect(client.query('update operation_events set type = type'), 'the log is append-only again').rejects.toThrow(/append-only/);
  });
});
