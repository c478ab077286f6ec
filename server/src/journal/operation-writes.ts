// Every write to an operation locks its row until commit (the lock numbers its alerts and its
// events), so the operation's writes run one at a time whatever this process does. In PostgreSQL a
// transaction waits for that lock holding a pooled connection: a burst of a hundred raises in one
// operation filled the pool with transactions doing nothing but wait, and every other query of the
// process (the live feed resolving the new events for its subscribers, session look-ups, the
// room's pages) queued behind them: in room-scale's burst the room received most alerts seconds
// after the last raise had returned, once 100 s after. Queued here instead, they wait without a
// connection, and each alert reaches the room as it is raised; across processes the row lock still
// orders them.
//
// Two at a time, not one: the second has its transaction begun and its lock asked for while the
// first commits, so the lock passes on inside PostgreSQL instead of after a connection, a BEGIN and
// a turn of a busy event loop (two runs side by side: room-scale's burst took 18 s to raise one at a
// time, 14 s two at a time).
const AT_ONCE = 2;

interface Queue {
  running: number;
  waiting: (() => void)[];
}

const queues = new Map<string, Queue>();

/** Runs `write` once fewer than two writes to the operation that this process started are under way. */
export async function inTurnFor<T>(operationId: string, write: () => Promise<T>): Promise<T> {
  let queue = queues.get(operationId);
  if (!queue) {
    queue = { running: 0, waiting: [] };
    queues.set(operationId, queue);
  }
  if (queue.running >= AT_ONCE) await new Promise<void>((resolve) => queue.waiting.push(resolve));
  else queue.running += 1;
  try {
    return await write();
  } finally {
    // The finished write's place goes to the next in line, or is given up.
    const next = queue.waiting.shift();
    if (next) next();
    else {
      queue.running -= 1;
      if (queue.running === 0) queues.delete(operationId);
    }
  }
}
