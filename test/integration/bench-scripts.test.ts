import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { environment } from '../testkit/environment';

// The benchmarks are scripts, never timed tests: this runs them all at the tiny size only to prove
// they still run end to end and print their table. Their figures are not checked (a loaded CI
// machine would make any bound flaky); the need-to-know counts are: no delivery may be missing or
// reach an agency outside the alert's audience, at any size. Without PostgreSQL, the benches that
// need it say they are skipped.

const all = fileURLToPath(new URL('../bench/all.ts', import.meta.url));

function runTiny(): Promise<{ code: number | null; output: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', all, '--size', 'tiny'], {
    cwd: fileURLToPath(new URL('..', import.meta.url)),
    env: { ...process.env, DATABASE_URL: environment.databaseUrl ?? '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return new Promise((resolve) => child.once('close', (code) => resolve({ code, output })));
}

const row = (output: string, bench: string, figure: string) =>
  output.split('\n').find((line) => line.startsWith(`| ${bench} `) && line.includes(`| ${figure}`));

describe('benchmarks at the tiny size', () => {
  it('run end to end and print one table of every figure', { timeout: 600_000 }, async () => {
    const { code, output } = await runTiny();
    expect(code, output).toBe(0);
    const summary = output.slice(output.indexOf('== every figure'));
    expect(summary, output).toMatch(/^== every figure \(size tiny/);
    expect(row(summary, 'browser bundle', 'first load'), summary).toBeDefined();
    if (!environment.databaseUrl) {
      expect(row(summary, 'import 50 rows, PGlite (in memory)', 'the last file again'), summary).toBeDefined();
      for (const bench of ['fan-out', 'writes', 'reads', 'results', 'live results'])
        expect(output).toContain(`${bench}: skipped, it needs PostgreSQL`);
      return;
    }
    expect(row(summary, 'import 50 rows, PostgreSQL', 'the last file again'), summary).toBeDefined();
    for (const peer of ['PostGraphile 4.14.1', 'hand-written SQL endpoint']) {
      const figures = summary
        .split('\n')
        .filter((line) => line.startsWith('| reads, concurrency 10 ') && line.includes(peer))
        .map((line) => line.split('|')[2]!.trim());
      expect(figures).toEqual([
        'requests per second',
        'p50',
        'p99',
        'server CPU per request',
        'SQL statements per request',
        'database CPU per request',
      ]);
    }
    for (const figure of ['missing deliveries', 'unauthorized deliveries', 'duplicate deliveries', 'error frames']) {
      expect(row(summary, 'fan-out 26', figure), summary).toMatch(/\| 0\.00 +\| 0\.00 +\| raw ws/);
    }
    expect(row(summary, 'fan-out 26', 'burst: deliveries per second'), summary).toContain('raw ws');
    // The bench itself fails unless the API's figures equal those of the hand-written SQL.
    for (const layout of ['1 of 50 operations of 40', '1 operation of 2,000']) {
      expect(row(summary, `results, ${layout}`, 'p50'), summary).toContain('hand-written SQL');
    }
    // The bench fails unless every viewer's last figures count every verification.
    for (const viewers of [13, 26])
      expect(row(summary, `live results, ${viewers} viewers`, 'errors'), summary).toMatch(/\| 0\.00 +\| 0\.00 +\|/);
    expect(row(summary, 'live results, 26 ÷ 13 viewers', 'growth of SQL statements per event'), summary).toContain('each room asking');
    expect(row(summary, 'live results, 26 viewers', 'database CPU per seizure event'), summary).toContain('each room asking');
    for (const concurrency of [1, 10, 50]) {
      expect(row(summary, `writes, concurrency ${concurrency}`, 'raiseAlert per second'), summary).toContain('direct SQL transaction');
    }
  });
});
