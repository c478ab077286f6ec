import { readFile } from 'node:fs/promises';
import type { Plugin } from 'vite';

// Natural Earth 1:110m as world-atlas ships it is quantized to 100,000 steps a side and keeps
// every vertex: a third of what the room downloads on a customs post's 256 kbit/s link. The room's
// map (800 × 450 units, a country's region at the closest) draws no better with it than with
// 5,000 steps (0.07° of longitude) and the vertices closer than 0.2° to the line through their
// neighbours left out (Douglas–Peucker on each arc, whose ends, shared between countries, always
// stay). Measured: the map's chunk 44 kB brotli before, 27 kB after; 8,246 vertices, 5,100 after.

const WORLD = /world-atlas\/countries-110m\.json$/;
const STEPS = 5_000;
const TOLERANCE_DEGREES = 0.2;

type Point = [number, number];

interface WorldTopology {
  transform: { scale: Point; translate: Point };
  arcs: Point[][];
  objects: { countries: { geometries: { id?: string; properties?: { name?: string } }[] } };
}

/** The points of `line` to keep: its ends, and each point farther than `tolerance` from the chord of the part it is in. */
function simplified(line: Point[], tolerance: number): Point[] {
  if (line.length <= 2) return line;
  const keep = new Uint8Array(line.length);
  keep[0] = 1;
  keep[line.length - 1] = 1;
  const parts: [number, number][] = [[0, line.length - 1]];
  for (let part = parts.pop(); part; part = parts.pop()) {
    const [from, to] = part;
    const [ax, ay] = line[from]!;
    const [bx, by] = line[to]!;
    const length = Math.hypot(bx - ax, by - ay);
    let farthest = -1;
    let distance = tolerance;
    for (let index = from + 1; index < to; index += 1) {
      const [px, py] = line[index]!;
      const off = length === 0 ? Math.hypot(px - ax, py - ay) : Math.abs((by - ay) * px - (bx - ax) * py + bx * ay - by * ax) / length;
      if (off > distance) {
        distance = off;
        farthest = index;
      }
    }
    if (farthest >= 0) {
      keep[farthest] = 1;
      parts.push([from, farthest], [farthest, to]);
    }
  }
  return line.filter((_, index) => keep[index] === 1);
}

/** The topology with fewer steps and vertices; every arc keeps at least its two ends. */
export function outlineOf(world: WorldTopology): WorldTopology {
  const [sx, sy] = world.transform.scale;
  const [tx, ty] = world.transform.translate;
  const scale: Point = [360 / (STEPS - 1), 180 / (STEPS - 1)];
  const translate: Point = [-180, -90];
  const arcs = world.arcs.map((arc) => {
    let x = 0;
    let y = 0;
    const degrees = arc.map(([dx, dy]): Point => {
      x += dx;
      y += dy;
      return [x * sx + tx, y * sy + ty];
    });
    const steps = simplified(degrees, TOLERANCE_DEGREES).map(
      ([lon, lat]): Point => [Math.round((lon - translate[0]) / scale[0]), Math.round((lat - translate[1]) / scale[1])],
    );
    const deltas: Point[] = [];
    let last: Point | null = null;
    for (const point of steps) {
      if (last && point[0] === last[0] && point[1] === last[1]) continue;
      deltas.push(last ? [point[0] - last[0], point[1] - last[1]] : point);
      last = point;
    }
    // An arc is a line: one that shrank to a point stays a (zero-length) line.
    return deltas.length === 1 ? [...deltas, [0, 0] as Point] : deltas;
  });
  // Countries are known by their code; the name only where there is none (world-geometry.ts).
  const geometries = world.objects.countries.geometries.map(({ properties, ...geometry }) =>
    geometry.id === undefined ? { ...geometry, properties: { name: properties?.name } } : geometry,
  );
  return {
    ...world,
    transform: { scale, translate },
    arcs,
    objects: { ...world.objects, countries: { ...world.objects.countries, geometries } },
  };
}

/** Serves the bundled world map outlined as above to the build; the JSON plugin makes it a module as before. */
export function worldOutline(): Plugin {
  return {
    name: 'jointops:world-outline',
    apply: 'build',
    async load(id) {
      if (!WORLD.test(id)) return null;
      const world = JSON.parse(await readFile(id, 'utf8')) as WorldTopology;
      return JSON.stringify(outlineOf(world));
    },
  };
}
