import { spawn, type ChildProcess } from 'node:child_process';
import { request } from 'node:http';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

/** The server package, where `pnpm start` runs the composition root from. */
export const SERVER_DIR = fileURLToPath(new URL('../../server', import.meta.url));

// The child sees only what a deployment would give it: the runner's DATABASE_URL, REDIS_URL or
// NODE_ENV must not leak into a server that a test means to run on the embedded database.
const INHERITED = ['PATH', 'HOME', 'TMPDIR', 'LANG', 'TZ'];

function baseEnv(env: Record<string, string>): Record<string, string> {
  const inherited = Object.fromEntries(INHERITED.flatMap((name) => (process.env[name] ? [[name, process.env[name]!]] : [])));
  return { ...inherited, ...env };
}

/** A port nobody is listening on: the kernel picks one for port 0, and it is released at once. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface ServerProcess {
  child: ChildProcess;
  port: number;
  /** http://127.0.0.1:<port> */
  url: string;
  wsUrl: string;
  /** Every complete stdout line so far. */
  stdout: string[];
  stderr(): string;
  /** The stdout lines that are JSON, parsed. */
  logs(): Record<string, unknown>[];
  exited: Promise<Exit>;
  /** Milliseconds from spawn to the first /readyz 200. */
  waitUntilReady(timeoutMs?: number): Promise<number>;
  /** SIGTERM (by default) and the exit that follows. Safe to call more than once. */
  stop(signal?: NodeJS.Signals): Promise<Exit>;
}

export interface RunOptions {
  /** Environment of the server, on top of PATH/HOME; PORT is added when absent. */
  env: Record<string, string>;
}

/** `node --import tsx src/main.ts` in server/, exactly what `pnpm start` runs, on a free port. */
export async function startServerProcess(options: RunOptions): Promise<ServerProcess> {
  const port = options.env.PORT ? Number(options.env.PORT) : await freePort();
  const env = baseEnv({ HOST: '127.0.0.1', PORT: String(port), ...options.env });
  return runNode(['--import', 'tsx', 'src/main.ts'], env, port);
}

/** A server script (seed, migrate) run to completion. */
export async function runServerScript(
  script: string,
  env: Record<string, string>,
): Promise<{ exit: Exit; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', script], {
    cwd: SERVER_DIR,
    env: baseEnv(env),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exit = await new Promise<Exit>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  return { exit, stdout, stderr };
}

function runNode(args: string[], env: Record<string, string>, port: number): ServerProcess {
  const spawnedAt = performance.now();
  const child = spawn(process.execPath, args, { cwd: SERVER_DIR, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const stdout: string[] = [];
  let partial = '';
  let stderr = '';
  child.stdout!.on('data', (chunk: Buffer) => {
    const lines = (partial + chunk.toString()).split('\n');
    partial = lines.pop() ?? '';
    stdout.push(...lines);
  });
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<Exit>((resolve) =>
    child.on('exit', (code, signal) => {
      if (partial) stdout.push(partial);
      partial = '';
      resolve({ code, signal });
    }),
  );
  let done: Exit | null = null;
  void exited.then((exit) => (done = exit));
  const url = `http://127.0.0.1:${port}`;

  return {
    child,
    port,
    url,
    wsUrl: `ws://127.0.0.1:${port}/graphql`,
    stdout,
    stderr: () => stderr,
    logs: () =>
      stdout.flatMap((line) => {
        try {
          return [JSON.parse(line) as Record<string, unknown>];
        } catch {
          return [];
        }
      }),
    exited,
    async waitUntilReady(timeoutMs = 60_000) {
      const deadline = spawnedAt + timeoutMs;
      while (performance.now() < deadline) {
        if (done) throw new Error(`server exited (${JSON.stringify(done)}) before it was ready:\n${stderr}`);
        const probe = await httpGet(`${url}/readyz`).catch(() => null);
        if (probe?.status === 200) return Math.round(performance.now() - spawnedAt);
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
      throw new Error(`server not ready after ${timeoutMs} ms:\n${stdout.join('\n')}\n${stderr}`);
    },
    async stop(signal = 'SIGTERM') {
      if (!done) child.kill(signal);
      return exited;
    },
  };
}

/** One GET on a connection of its own, so no pooled keep-alive socket hides a closed listener. */
export function httpGet(
  url: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'GET', agent: false, headers }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      res.on('error', reject);
    });
    req.on('error', reject);
    // Whatever else may sit on a port, a probe never hangs a test.
    req.setTimeout(5_000, () => req.destroy(new Error(`no answer from ${url} within 5 s`)));
    req.end();
  });
}
