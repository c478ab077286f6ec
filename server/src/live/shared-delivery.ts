import { createHash } from 'node:crypto';
import {
  createSourceEventStream,
  execute,
  type GraphQLError,
  Kind,
  type DocumentNode,
  type ExecutionArgs,
  type ExecutionResult,
} from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { Db } from '../db/client';
import { sharedReads } from '../db/shared-reads';
import type { LiveChannel } from './channels';
import { DirectDelivery, type Executions } from './direct-delivery';
import { type FrameSink, type MaskErrors, SharedFrame } from './shared-frames';

// Shared delivery: an event going to many subscribers is executed once per distinct (document,
// variables, audience), not once per subscriber. The hub hands every local subscriber of an
// operation the same event object, so results are kept beside that object (in a WeakMap) and go
// when it does. The audience is what any resolver may tell subscribers apart by: the subscription
// field's resolver sets it (agency, locale, role...); a subscription that sets none is executed
// per subscriber, as graphql-js would. Its result is serialised once too (shared-frames.ts), and
// the executions of one event for its several audiences send each identical read once.

/** What a subscription resolver sets on its context to let its events be shared. */
export interface SharedDeliveryContext {
  liveAudience?: string;
}

/** What the WebSocket transport puts on a subscription's context: its channel, and its socket's frames (websocket.ts). */
interface DirectDeliveryContext {
  liveChannel?: LiveChannel;
  liveFrames?: FrameSink;
}

/** Deliveries made and executions run for them, since the process started: the sharing ratio. */
export const deliveryCounts = { delivered: 0, executed: 0 };

/** Told of a shared execution's frame once it is made, or of its failure. */
export interface FrameWaiter {
  framed(frame: SharedFrame): void;
  failed(error: unknown): void;
}

/** An event's execution for one delivery key, shared by the subscribers that have that key. */
export interface SharedExecution {
  readonly result: Promise<ExecutionResult>;
  /** The result's one serialisation, once executed; until then, null. */
  readonly frame: SharedFrame | null;
  /**
   * Tells `waiter` of the frame once it is made (at once if it is): a list, not a promise per
   * subscriber. Answers true for the first to wait.
   */
  whenFramed(waiter: FrameWaiter): boolean;
}

const executions = new WeakMap<object, EventExecutions>();
const documentTexts = new WeakMap<DocumentNode, { digest: string; cursorVariables: string[] }>();

/**
 * The document as a key, and the variables that only say where a stream starts (`after`). The key
 * is a digest of the document's text: every subscription keeps its key for its whole life, and
 * the text itself (the definitions with their locations, escaped twice) was 6.5 KiB of each idle
 * subscriber's memory.
 */
function describe(document: DocumentNode) {
  let known = documentTexts.get(document);
  if (!known) {
    const cursorVariables: string[] = [];
    for (const definition of document.definitions) {
      if (definition.kind !== Kind.OPERATION_DEFINITION) continue;
      for (const selection of definition.selectionSet.selections) {
        if (selection.kind !== Kind.FIELD) continue;
        for (const argument of selection.arguments ?? []) {
          if (argument.name.value === 'after' && argument.value.kind === Kind.VARIABLE) cursorVariables.push(argument.value.name.value);
        }
      }
    }
    known = { digest: createHash('sha256').update(JSON.stringify(document.definitions)).digest('base64'), cursorVariables };
    documentTexts.set(document, known);
  }
  return known;
}

/** Delivery keys in use, each kept once: forgotten all at once past KEPT_KEYS (subscribers keep theirs). */
const keys = new Map<string, string>();
const KEPT_KEYS = 10_000;

/** The subscription's delivery key: one copy for every subscriber of its audience, not ~250 B each. */
function deliveryKey(args: ExecutionArgs, audience: string): string {
  const { digest, cursorVariables } = describe(args.document);
  const variables = Object.entries(args.variableValues ?? {}).filter(([name]) => !cursorVariables.includes(name));
  const built = JSON.stringify([audience, args.operationName ?? null, variables, digest]);
  const kept = keys.get(built);
  if (kept !== undefined) return kept;
  if (keys.size >= KEPT_KEYS) keys.clear();
  keys.set(built, built);
  return built;
}

function executeFor(args: ExecutionArgs, event: unknown): Promise<ExecutionResult> {
  deliveryCounts.executed += 1;
  return Promise.resolve(execute({ ...args, rootValue: event }) as ExecutionResult | Promise<ExecutionResult>);
}

/**
 * An event's executions, one per delivery key, and the reads that those running at once share
 * (db/shared-reads.ts): the audiences' executions start together, as the feed tells every waiting
 * subscriber of the event at once, and mostly send the same statements. Each execution still has
 * its subscriber's own context (its viewer, its locale) and decides for itself what it may see;
 * only identical statements are answered once. The shared reads go when the last running
 * execution is done, so a subscriber that comes to the event later reads afresh.
 */
class EventExecutions {
  readonly byKey = new Map<string, SharedExecution>();
  private reads: Db | null = null;
  private running = 0;

  execute(args: ExecutionArgs, event: unknown): Promise<ExecutionResult> {
    const context = args.contextValue as { db: Db };
    this.reads ??= sharedReads(context.db);
    this.running += 1;
    const result = executeFor({ ...args, contextValue: { ...context, db: this.reads } }, event);
    const settled = () => {
      this.running -= 1;
      if (this.running === 0) this.reads = null;
    };
    result.then(settled, settled);
    return result;
  }
}

class Execution implements SharedExecution {
  readonly result: Promise<ExecutionResult>;
  frame: SharedFrame | null = null;
  private failure: { error: unknown } | null = null;
  private waiting: FrameWaiter[] = [];

  constructor(args: ExecutionArgs, event: unknown, maskErrors: MaskErrors, ofEvent: EventExecutions | null) {
    this.result = ofEvent ? ofEvent.execute(args, event) : executeFor(args, event);
    this.result.then(
      (executed) => this.framed(new SharedFrame(executed, maskErrors)),
      (error: unknown) => this.failed(error),
    );
  }

  whenFramed(waiter: FrameWaiter): boolean {
    if (this.frame) waiter.framed(this.frame);
    else if (this.failure) waiter.failed(this.failure.error);
    else return this.waiting.push(waiter) === 1;
    return false;
  }

  private framed(frame: SharedFrame): void {
    this.frame = frame;
    for (const waiter of this.told()) waiter.framed(frame);
  }

  private failed(error: unknown): void {
    this.failure = { error };
    for (const waiter of this.told()) waiter.failed(error);
  }

  private told(): FrameWaiter[] {
    const waiting = this.waiting;
    this.waiting = [];
    return waiting;
  }
}

/** The event's execution for `key`, started by the first of its subscribers to ask. */
export function sharedExecution(args: ExecutionArgs, key: string, event: unknown, maskErrors: MaskErrors): SharedExecution {
  deliveryCounts.delivered += 1;
  return executionOf(args, key, event, maskErrors);
}

/** A subscription's way to its audience's executions (direct-delivery.ts). */
class AudienceExecutions implements Executions {
  constructor(
    private readonly args: ExecutionArgs,
    private readonly key: string,
    private readonly maskErrors: MaskErrors,
  ) {}

  of(event: unknown): SharedExecution {
    return sharedExecution(this.args, this.key, event, this.maskErrors);
  }

  start(event: unknown): void {
    // Only an event object keeps its executions for the subscriber to find (the feed's events are).
    if (typeof event === 'object' && event !== null) executionOf(this.args, this.key, event, this.maskErrors);
  }

  failure(error: unknown): GraphQLError {
    return maskedFailure(error, this.maskErrors);
  }
}

/** A failure of a subscription's stream as its client may be told it: masked as yoga masks what it does not expect. */
export function maskedFailure(error: unknown, maskErrors: MaskErrors): GraphQLError {
  return maskErrors([error])[0]!;
}

/**
 * Whom a subscription's stream really is, when envelop wrapped it: its maps of each result
 * (masking errors) and of a failure are kept for the subscription's whole life, ~1 KB with their
 * closures, around a direct delivery that yields nothing and masks its own failure. The socket's
 * transport hands graphql-ws the delivery itself (websocket.ts).
 */
const directDeliveries = new WeakMap<object, DirectDelivery>();

/** The direct delivery started for the operation with this context, once: null for any other stream. */
export function takeDirectDelivery(contextValue: unknown): DirectDelivery | null {
  if (typeof contextValue !== 'object' || contextValue === null) return null;
  const delivery = directDeliveries.get(contextValue) ?? null;
  directDeliveries.delete(contextValue);
  return delivery;
}

function executionOf(args: ExecutionArgs, key: string, event: unknown, maskErrors: MaskErrors): SharedExecution {
  if (typeof event !== 'object' || event === null) return new Execution(args, event, maskErrors, null);
  let ofEvent = executions.get(event);
  if (!ofEvent) {
    ofEvent = new EventExecutions();
    executions.set(event, ofEvent);
  }
  let shared = ofEvent.byKey.get(key);
  if (!shared) {
    shared = new Execution(args, event, maskErrors, ofEvent);
    ofEvent.byKey.set(key, shared);
  }
  return shared;
}

/**
 * Each event of a subscription's source stream executed for it, shared with its audience when it
 * has one. Maps like graphql-js does: `return()` reaches the source at once, even while a `next()`
 * is waiting on it, so ending a subscription always releases its feed. A class, not an object of
 * closures: one lives as long as each subscription, and its methods are shared.
 */
class ExecutedStream implements AsyncIterableIterator<ExecutionResult> {
  private readonly iterator: AsyncIterator<unknown>;

  constructor(
    source: AsyncIterable<unknown>,
    private readonly args: ExecutionArgs,
    /** The delivery key of the subscription's audience, or null to execute for this subscriber alone. */
    private readonly key: string | null,
    private readonly maskErrors: MaskErrors,
  ) {
    this.iterator = source[Symbol.asyncIterator]();
  }

  [Symbol.asyncIterator](): this {
    return this;
  }

  next(): Promise<IteratorResult<ExecutionResult>> {
    return this.iterator.next().then((result) => this.executed(result));
  }

  async return(): Promise<IteratorResult<ExecutionResult>> {
    return this.iterator.return ? this.executed(await this.iterator.return()) : DONE;
  }

  async throw(error?: unknown): Promise<IteratorResult<ExecutionResult>> {
    if (this.iterator.throw) return this.executed(await this.iterator.throw(error));
    throw error;
  }

  private async executed(result: IteratorResult<unknown>): Promise<IteratorResult<ExecutionResult>> {
    if (result.done) return DONE;
    // Each subscriber gets its own envelope around the shared payload, which nobody mutates.
    if (this.key) return { done: false, value: { ...(await sharedExecution(this.args, this.key, result.value, this.maskErrors).result) } };
    deliveryCounts.delivered += 1;
    return { done: false, value: await executeFor(this.args, result.value) };
  }
}

const DONE: IteratorReturnResult<undefined> = { done: true, value: undefined };

/**
 * Shares each event's execution among the subscribers alike (the subscription's audience). Over a
 * socket the shared frame is written straight to it (direct-delivery.ts); over SSE each
 * subscriber's stream maps the shared result. `maskErrors` is yoga's masking, which the direct
 * path applies once per shared result since no per-subscriber result passes yoga's own.
 */
export function useSharedDelivery(maskErrors: MaskErrors): Plugin {
  return {
    onSubscribe({ setSubscribeFn }) {
      setSubscribeFn(async (args: ExecutionArgs) => {
        const stream = await createSourceEventStream(args);
        if (!(Symbol.asyncIterator in stream)) return stream;
        const context = args.contextValue as SharedDeliveryContext & DirectDeliveryContext;
        const key = context.liveAudience ? deliveryKey(args, context.liveAudience) : null;
        if (key && context.liveFrames && context.liveChannel) {
          const delivery = new DirectDelivery(
            stream,
            new AudienceExecutions(args, key, maskErrors),
            context.liveFrames,
            context.liveChannel,
          );
          directDeliveries.set(context, delivery);
          return delivery;
        }
        return new ExecutedStream(stream, args, key, maskErrors);
      });
    },
  };
}
