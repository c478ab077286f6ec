import type { Writable } from 'node:stream';
import type pg from 'pg';
import type { Db } from './client';

// drizzle runs a transaction on a pooled client as `begin`, the work's statements and `commit`,
// each sent once the answer to the one before it has come back. Two of those round trips carry
// nothing the work needs: the answer to `begin`, and the wait between the last statement and
// `commit` — which a write spends holding its operation's row lock, so every other write of the
// operation waits through it too. The pool is pipelined (a statement may be sent before the
// answer to the last one), and each pooled client's `query` is wrapped here so that:
//
// - a bare `begin` is held back and sent with the transaction's first statement;
// - `lastStatement` sends `commit` right behind the statement it is given, and the statement's
//   answer waits for the commit's: a write is never answered before it is committed. A statement
//   that fails leaves the transaction aborted, which PostgreSQL ends on `commit` by rolling back.
//
// PostgreSQL runs a connection's statements in the order they arrive, so the order, and with it
// the transaction, is the same as drizzle's; only the waits between them are gone. The two
// statements sent together leave in one write to the socket: each write is a system call that
// also wakes the server, and `writev` is the largest single function in the hub's profile of a raise.

const NOTHING = { command: '', rowCount: null, oid: 0, fields: [], rows: [] };

type Send = (config: unknown, values?: unknown, callback?: unknown) => Promise<unknown>;

interface Transaction {
  state: 'none' | 'held begin' | 'open' | 'commit next' | 'committed';
}

const transactions = new WeakMap<object, Transaction>();

const isBare = (config: unknown, values: unknown, word: string) =>
  typeof config === 'object' &&
  config !== null &&
  (config as { text?: unknown }).text === word &&
  (values === undefined || (Array.isArray(values) && values.length === 0));

const answer = (word: string) => Promise.resolve({ ...NOTHING, command: word.toUpperCase() });

/** Wraps a pooled client's `query` as described above; the pool calls it once per new client. */
export function pipelineTransactions(client: pg.PoolClient): void {
  const send = client.query.bind(client) as Send;
  const socket = (client as unknown as { connection: { stream: Writable } }).connection.stream;
  const sendTogether = (first: () => Promise<unknown>, second: () => Promise<unknown>) => {
    socket.cork();
    try {
      return [first(), second()] as const;
    } finally {
      socket.uncork();
    }
  };
  const transaction: Transaction = { state: 'none' };
  transactions.set(client, transaction);
  client.query = ((config: unknown, values?: unknown, callback?: unknown) => {
    if (typeof values === 'function' || callback !== undefined) return send(config, values, callback);
    const ending = ['commit', 'rollback'].find((word) => isBare(config, values, word));
    switch (transaction.state) {
      case 'none':
        if (!isBare(config, values, 'begin')) return send(config, values);
        transaction.state = 'held begin';
        return answer('begin');
      case 'held begin': {
        // A transaction that ended before its first statement: nothing was sent, nothing to end.
        if (ending) {
          transaction.state = 'none';
          return answer(ending);
        }
        transaction.state = 'open';
        const [begun, sent] = sendTogether(
          () => send('begin'),
          () => send(config, values),
        );
        return Promise.all([begun, sent]).then(([, result]) => result);
      }
      case 'open':
        if (ending) transaction.state = 'none';
        return send(config, values);
      case 'commit next': {
        transaction.state = 'committed';
        const [sent, committed] = sendTogether(
          () => send(config, values),
          () => send('commit'),
        );
        return Promise.all([sent, committed]).then(([result]) => result);
      }
      case 'committed':
        // drizzle's own end of the transaction, after the work returned: already sent.
        if (ending) {
          transaction.state = 'none';
          return answer(ending);
        }
        return Promise.reject(new Error('a statement was sent after its transaction had been committed'));
    }
  }) as typeof client.query;
}

/**
 * Runs the last statement of `tx`, with the transaction's `commit` sent right behind it. `send`
 * must send exactly that one statement, at once (before awaiting anything): one sent later finds
 * the transaction committed and fails. If `send` sent nothing at once, the commit is left to the
 * transaction's end as usual. Outside a pipelined transaction (PGlite), it only runs `send`.
 */
export function lastStatement<T>(tx: Db, send: () => Promise<T>): Promise<T> {
  const client = (tx._.session as unknown as { client?: object }).client;
  const transaction = client && transactions.get(client);
  // Before its first statement (`held begin`) the transaction is only `begin`: nothing to gain.
  if (transaction?.state !== 'open') return send();
  transaction.state = 'commit next';
  try {
    return send();
  } finally {
    // `send` sent nothing at once (or threw): the transaction goes on as if never asked.
    if (transaction.state === 'commit next') transaction.state = 'open';
  }
}
