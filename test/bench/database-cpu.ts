import { readdirSync, readFileSync } from 'node:fs';

// PostgreSQL runs beside the benches on the same two cores, unpinned: a server that answers with
// fewer statements but heavier ones moves work from its own core into the database's processes,
// which its own CPU time never shows. So the reads, writes and live results benches also read what
// every `postgres` process of the machine spent (from /proc, in clock ticks of 10 ms) under load.

const TICK_MICROS = 10_000;

/**
 * Starts counting: the answer gives what the database spent since, in µs per `per` (the requests
 * or events it served meanwhile); null where /proc cannot be read.
 */
export function databaseCpuSince(): (per: number) => number | null {
  const from = databaseCpuMicros();
  return (per) => {
    const to = databaseCpuMicros();
    return from === null || to === null ? null : (to - from) / per;
  };
}

/** User + system CPU time of every `postgres` process, µs; null where /proc cannot be read. */
function databaseCpuMicros(): number | null {
  let pids: string[];
  try {
    pids = readdirSync('/proc').filter((name) => /^\d+$/.test(name));
  } catch {
    return null;
  }
  let ticks = 0;
  for (const pid of pids) {
    let stat: string;
    try {
      stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    } catch {
      continue; // ended since it was listed
    }
    // pid (comm) state ppid …: comm may hold spaces, so the fields are counted after its ')'.
    const close = stat.lastIndexOf(')');
    if (stat.slice(stat.indexOf('(') + 1, close) !== 'postgres') continue;
    const fields = stat.slice(close + 2).split(' ');
    // utime and stime are fields 14 and 15 of the whole line: 12th and 13th after the comm.
    ticks += Number(fields[11]) + Number(fields[12]);
  }
  return ticks * TICK_MICROS;
}
