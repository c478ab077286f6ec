import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';

// A Redis of the test's own, on a free port, that the test may kill and start again without
// disturbing the suites that share the Redis at REDIS_URL. Nothing is persisted: a restart
// starts empty, as a crashed cache-only Redis would.

export interface PrivateRedis {
  port: number;
  /** redis://127.0.0.1:<port> */
  url: string;
  /** Starts it again on the same port (after `kill`); resolves once it accepts connections. */
  start(): Promise<void>;
  /** SIGKILL, as a crash: clients see their connections drop, nothing is shut down cleanly. */
  kill(): Promise<void>;
}

async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

export async function startPrivateRedis(): Promise<PrivateRedis> {
  const port = await freePort();
  let child: ChildProcess | null = null;

  async function start(): Promise<void> {
    if (child) throw new Error('redis-server is already running');
    const args = ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--daemonize', 'no'];
    const proc = spawn('redis-server', args, { stdio: ['ignore', 'pipe', 'pipe'] });
    child = proc;
    let output = '';
    try {
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`redis-server not ready after 10 s: ${output}`)), 10_000);
        proc.once('error', reject);
        proc.once('exit', (code) => reject(new Error(`redis-server exited (${code}) before it was ready: ${output}`)));
        proc.stdout!.on('data', (chunk: Buffer) => {
          output += chunk.toString();
          if (output.includes('Ready to accept connections')) {
            clearTimeout(timer);
            resolve();
          }
        });
      });
    } catch (error) {
      child = null;
      proc.kill('SIGKILL');
      throw error;
    }
    proc.removeAllListeners('exit');
    proc.stdout!.removeAllListeners('data');
    // Keep draining its log so that a full pipe never blocks it.
    proc.stdout!.resume();
    proc.stderr!.resume();
  }

  async function kill(): Promise<void> {
    const proc = child;
    if (!proc) return;
    child = null;
    if (proc.exitCode !== null || proc.signalCode !== null) return;
    const exited = once(proc, 'exit');
    proc.kill('SIGKILL');
    await exited;
  }

  await start();
  return { port, url: `redis://127.0.0.1:${port}`, start, kill };
}
