import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { benchSize, type Figure, FIGURES_MARK, postgresOrSkip, table } from './report';

// `pnpm bench`: every bench one after the other at one size (`--size tiny|small|default`), each in
// a process of its own, their output passed through; then one table of every figure and ratio.
// A bench's own `--size` comes first among its arguments, so it overrides the run's.
// The fan-out runs at 1,000 subscribers in every size but tiny, and at 5,000 too in the default.

const size = benchSize();
const runs: { script: string; args: string[]; postgres: string }[] = [
  ...(size === 'tiny'
    ? [{ script: 'fan-out.ts', args: [], postgres: 'fan-out' }]
    : [
        { script: 'fan-out.ts', args: ['--size', 'small'], postgres: 'fan-out' },
        ...(size === 'default' ? [{ script: 'fan-out.ts', args: ['--size', 'default'], postgres: 'fan-out' }] : []),
      ]),
  { script: 'writes.ts', args: [], postgres: 'writes' },
  { script: 'reads.ts', args: [], postgres: 'reads' },
  { script: 'results.ts', args: [], postgres: 'results' },
  { script: 'live-results.ts', args: [], postgres: 'live results' },
  { script: 'seizure-import.ts', args: [], postgres: '' },
  { script: 'bundle.ts', args: [], postgres: '' },
];

function run(script: string, args: string[]): Promise<{ figures: Figure[]; code: number | null }> {
  const file = fileURLToPath(new URL(script, import.meta.url));
  const child = spawn(process.execPath, ['--import', 'tsx', file, ...args, '--size', size], { stdio: ['ignore', 'pipe', 'inherit'] });
  const figures: Figure[] = [];
  let pending = '';
  child.stdout.on('data', (chunk: Buffer) => {
    pending += chunk.toString();
    const lines = pending.split('\n');
    pending = lines.pop()!;
    for (const line of lines) {
      if (line.startsWith(FIGURES_MARK)) figures.push(...(JSON.parse(line.slice(FIGURES_MARK.length)) as Figure[]));
      else process.stdout.write(`${line}\n`);
    }
  });
  return new Promise((resolve) => child.once('close', (code) => resolve({ figures, code })));
}

const started = performance.now();
const figures: Figure[] = [];
const failed: string[] = [];
for (const { script, args, postgres } of runs) {
  process.stdout.write(`\n== ${script} ${args.join(' ')} (size ${size})\n`);
  // Said here rather than by the bench, which would first spend seconds loading the server's modules.
  if (postgres && !process.env.DATABASE_URL) {
    postgresOrSkip(postgres);
    continue;
  }
  const outcome = await run(script, args);
  figures.push(...outcome.figures);
  if (outcome.code !== 0) failed.push(`${script} exited ${outcome.code}`);
}
process.stdout.write(`\n== every figure (size ${size}, ${((performance.now() - started) / 1000).toFixed(0)} s)\n${table(figures)}\n`);
if (failed.length) {
  process.stderr.write(`failed: ${failed.join('; ')}\n`);
  process.exit(1);
}
