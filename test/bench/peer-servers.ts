import { createServer } from 'node:http';
import pg from 'pg';
import { postgraphile } from 'postgraphile';
import { serveControl } from './child-process';

// The reads bench's peers as a child process: PostGraphile 4 with its defaults over the same
// database (BENCH_PEER=postgraphile), or a hand-written endpoint answering the same read with one
// SQL statement that builds the JSON in PostgreSQL (BENCH_PEER=sql). Both with the hub's pool size.

const url = process.env.BENCH_DATABASE_URL;
if (!url) throw new Error('peer-servers.ts needs BENCH_DATABASE_URL');
const pool = new pg.Pool({ connectionString: url, max: Number(process.env.BENCH_POOL_SIZE ?? 10) });
// As the hub's own pool does: an idle connection ended from outside is dropped, not fatal.
pool.on('error', (error) => process.stderr.write(`peer server: an idle connection ended: ${error.message}\n`));

/** An operation, its participating agencies, and its newest 50 alerts with the agency that raised each. */
export const READ_SQL = `select json_build_object(
  'code', o.code, 'name', o.name,
  'participations', (select coalesce(json_agg(json_build_object('role', p.role, 'status', p.status,
      'agency', json_build_object('name', a.name, 'countryCode', a.country_code)) order by p.invited_at), '[]')
    from participations p join agencies a on a.id = p.agency_id where p.operation_id = o.id),
  'alerts', (select coalesce(json_agg(x.alert order by x.raised_at desc, x.number desc), '[]') from (
    select l.raised_at, l.number, json_build_object('reference', l.reference, 'title', l.title, 'severity', l.severity, 'raisedAt', l.raised_at,
      'raisedByAgency', json_build_object('name', r.name, 'countryCode', r.country_code)) as alert
    from alerts l join agencies r on r.id = l.raised_by_agency_id where l.operation_id = o.id
    order by l.raised_at desc, l.number desc limit 50) x)
) as operation from operations o where o.id = $1`;

const handler =
  process.env.BENCH_PEER === 'postgraphile'
    ? postgraphile(pool, 'public', { disableQueryLog: true, retryOnInitFail: false })
    : (request: import('node:http').IncomingMessage, response: import('node:http').ServerResponse) => {
        const id = new URL(request.url ?? '/', 'http://peer').searchParams.get('id');
        pool.query(READ_SQL, [id]).then(
          ({ rows }) => {
            response.setHeader('content-type', 'application/json');
            response.end(JSON.stringify({ data: { operation: rows[0]?.operation ?? null } }));
          },
          (error: Error) => {
            response.statusCode = 500;
            response.end(error.message);
          },
        );
      };

const server = createServer(handler);
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const address = server.address();
await serveControl(typeof address === 'object' && address ? address.port : 0, async () => {
  server.close();
  await pool.end();
});
