// A connection storm (every client of a restarted server coming back at once) asks the same
// question thousands of times: is this session live, once when the socket signs in and again for
// each subscription. Asked one statement each, the statements' building, encoding and decoding were
// a large part of the hub's CPU while 5,000 subscribers subscribed. Here the asks that come while a
// read is under way wait for it to end and are then read together, in one statement. A busy HTTP
// endpoint asks the same question for every request, and the subscriptions' standings come the same
// way in a storm: both are read like this too.
//
// An ask that finds no read under way is read at once, so a quiet server answers as soon as it
// did. And never an answer older than its question: a read answers only asks made before it
// started, so a check made this way sees everything committed before it was asked, as a statement
// of its own would.

interface Batch<K, V> {
  keys: Set<K>;
  read: Promise<Map<K, V>>;
  settle: (read: Promise<Map<K, V>>) => void;
}

/** Answers each key, reading the keys asked while a read is under way together; a key the read did not find answers undefined. */
export function batchedReads<K, V>(readMany: (keys: K[]) => Promise<Map<K, V>>): (key: K) => Promise<V | undefined> {
  let reading = false;
  /** The asks waiting for the read under way to end. */
  let waiting: Batch<K, V> | null = null;

  const start = (batch: Batch<K, V>) => {
    reading = true;
    const read = (async () => readMany([...batch.keys]))();
    batch.settle(read);
    read
      .catch(() => undefined)
      .then(() => {
        reading = false;
        const next = waiting;
        waiting = null;
        if (next) start(next);
      });
  };

  return (key) => {
    let batch = waiting;
    if (!batch) {
      let settle!: Batch<K, V>['settle'];
      const read = new Promise<Map<K, V>>((resolve) => (settle = resolve));
      batch = { keys: new Set(), read, settle };
      waiting = batch;
    }
    batch.keys.add(key);
    const answer = batch.read.then((found) => found.get(key));
    if (!reading) {
      waiting = null;
      start(batch);
    }
    return answer;
  };
}
