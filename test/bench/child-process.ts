import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

// A server under test runs in a child process of its own, pinned to core 0 where `taskset` exists,
// while the load generator (this process) keeps core 1; each child answers its own CPU time and
// memory on a small control port, so the figures are the server's alone.

export const canPin = spawnSync('taskset', ['-c', '0', 'true']).status === 0;

/** Keeps this process (the load generator) off the server's core. */
export function pinLoadGenerator(): void {
  if (canPin) spawnSync('taskset', ['-p', '-c', '1', String(process.pid)]);
}

export interface Usage {
  /** User + system CPU time, µs. */
  cpuMicros: number;
  rssBytes: number;
  /** SQL statements the child has sent through any pg client so far. */
  statements: number;
}

export interface Child {
  port: number;
  usage(): Promise<Usage>;
  /** Asks the child something on its control port (the raw server's broadcasts). */
  control(path: string): Promise<string>;
  stop(): Promise<void>;
}

/** Starts `bench/<script>` under tsx with `env`; it says `ready <port> <control port>` on stdout when it listens. */
export async function startChild(script: string, env: Record<string, string>, nodeArgs: string[] = []): Promise<Child> {
  const file = fileURLToPath(new URL(script, import.meta.url));
  const command = [process.execPath, ...nodeArgs, '--import', 'tsx', file];
  const child: ChildProcess = spawn(canPin ? 'taskset' : command[0]!, canPin ? ['-c', '0', ...command] : command.slice(1), {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const [port, controlPort] = await new Promise<[number, number]>((resolve, reject) => {
    let said = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      said += chunk.toString();
      const ready = /ready (\d+) (\d+)/.exec(said);
      if (ready) resolve([Number(ready[1]), Number(ready[2])]);
    });
    child.once('exit', (code) => reject(new Error(`${script} exited (${code}) before it was ready: ${said.slice(-2_000)}`)));
  });
  const control = async (path: string) => {
    const response = await fetch(`http://127.0.0.1:${controlPort}${path}`, { method: 'POST' });
    if (!response.ok) throw new Error(`${script} ${path}: ${response.status} ${await response.text()}`);
    return response.text();
  };
  return {
    port,
    control,
    usage: async () => JSON.parse(await control('/usage')) as Usage,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/**
 * In the child: the control port, answering `/usage` and whatever `more` handles; then the ready
 * line the parent waits for. Exits on SIGTERM once `close` has run.
 */
export async function serveControl(
  port: number,
  close: () => Promise<void>,
  more: (path: string) => Promise<string | undefined> = async () => undefined,
): Promise<void> {
  countStatements();
  const server: Server = createServer((request, response) => {
    const path = request.url ?? '/';
    const answer =
      path === '/usage'
        ? Promise.resolve(JSON.stringify(usageNow()))
        : more(path).then((text) => text ?? Promise.reject(new Error(`no ${path}`)));
    answer.then(
      (text) => response.end(text),
      (error: Error) => {
        response.statusCode = 500;
        response.end(error.message);
      },
    );
  });
  // The load generator asks again after the fan-out's 5 s idle window, which was also the default
  // keep-alive time-out: the child closing the connection just as the next ask reused it failed
  // whole runs with "other side closed" (3 of ~12 runs of fan-out at 2,000 and 5,000, the hub's
  // and the raw server's alike). The load generator's own client closes an idle connection first.
  server.keepAliveTimeout = 0;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  process.stdout.write(`ready ${port} ${typeof address === 'object' && address ? address.port : 0}\n`);
  process.once('SIGTERM', () => {
    server.close();
    close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  });
}

let statementsSent = 0;

/** Counts every statement sent through pg in this process (the pool's clients included). */
function countStatements(): void {
  const query = pg.Client.prototype.query as (...args: unknown[]) => unknown;
  pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
    statementsSent += 1;
    return query.apply(this, args);
  } as typeof pg.Client.prototype.query;
}

function usageNow(): Usage {
  const cpu = process.cpuUsage();
  return { cpuMicros: cpu.user + cpu.system, rssBytes: process.memoryUsage().rss, statements: statementsSent };
}
