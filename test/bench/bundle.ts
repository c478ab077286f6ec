import { readdirSync, readFileSync } from 'node:fs';
import { constants, gzipSync } from 'node:zlib';
import { ensureWebBuilt } from '../testkit/web-build';
import { emit } from './report';

// Browser (issue 15, 8): the web's production build, gzipped at the highest level as the server
// sends it: every JS and CSS file together, and what the first page load fetches before any route
// chunk (the scripts, module preloads and style sheets index.html names). Builds the web first
// when web/dist is missing or older than its sources, as the browser suites do, and never else:
// a build empties web/dist, and browser suites running beside this one serve their pages from it.

const dist = ensureWebBuilt();

const gzipped = (path: string) => gzipSync(readFileSync(path), { level: constants.Z_BEST_COMPRESSION }).length;
const assets = readdirSync(`${dist}/assets`).filter((name) => /\.(js|css)$/.test(name));
const total = assets.reduce((sum, name) => sum + gzipped(`${dist}/assets/${name}`), 0);
const html = readFileSync(`${dist}/index.html`, 'utf8');
const firstLoad = [...html.matchAll(/(?:src|href)="\/?(assets\/[^"]+\.(?:js|css))"/g)].map((match) => match[1]!);
const first = [...new Set(firstLoad)].reduce((sum, name) => sum + gzipped(`${dist}/${name}`), 0);

emit([
  { bench: 'browser bundle', figure: `JS + CSS, all ${assets.length} files, gzipped`, unit: 'KB', ours: total / 1000 },
  {
    bench: 'browser bundle',
    figure: `first load (index.html's ${firstLoad.length} files), gzipped`,
    unit: 'KB',
    ours: first / 1000,
    goal: { max: 250, on: 'ours' },
  },
]);
