import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

// Prints the top self-time functions of the CPU profiles (`node --cpu-prof`) in a folder, as
// written by `fan-out.ts --profile DIR`: `tsx bench/profile-summary.ts DIR [top] [skip]`. `skip`
// leaves out each profile's first seconds (the server starting, loading its modules), so that a
// short bench such as writes shows its steady work.

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const dir = process.argv[2];
if (!dir) throw new Error('usage: profile-summary.ts DIR [top]');
const top = Number(process.argv[3] ?? 25);
const skipMicros = Number(process.argv[4] ?? 0) * 1e6;
const selfMicros = new Map<string, number>();
let totalMicros = 0;
for (const name of readdirSync(dir).filter((file) => file.endsWith('.cpuprofile'))) {
  const profile = JSON.parse(readFileSync(join(dir, name), 'utf8')) as Profile;
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  let elapsed = 0;
  profile.samples.forEach((id, index) => {
    elapsed += profile.timeDeltas[index] ?? 0;
    if (elapsed < skipMicros) return;
    const { functionName, url, lineNumber } = byId.get(id)!.callFrame;
    const where = url
      ? `${url.replace(/^.*node_modules\/(?:\.pnpm\/[^/]+\/node_modules\/)?/, '').replace(/^file:\/\/.*\/jointops[^/]*\//, '')}:${lineNumber + 1}`
      : '';
    const key = `${functionName || '(anonymous)'} ${where}`.trim();
    const micros = profile.timeDeltas[index] ?? 0;
    // The share of the time the process was busy: idle samples would only dilute it.
    if (key === '(idle)') return;
    selfMicros.set(key, (selfMicros.get(key) ?? 0) + micros);
    totalMicros += micros;
  });
}
const rows = [...selfMicros].sort((a, b) => b[1] - a[1]).slice(0, top);
process.stdout.write(`busy ${(totalMicros / 1e6).toFixed(1)} s\n| self % of busy | self ms | function |\n|---|---|---|\n`);
for (const [key, micros] of rows) {
  process.stdout.write(`| ${((micros / totalMicros) * 100).toFixed(1)} | ${(micros / 1000).toFixed(0)} | \`${key}\` |\n`);
}
