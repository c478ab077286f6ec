import { useSyncExternalStore } from 'react';
import { onSocketState, socketState, type SocketState } from '../../lib/live-socket';

/**
 * The live link as the reader is told it: the socket's state, and `catching-up` while it is
 * connected but a stream is still replaying what it missed (after a drop or a reload).
 */
export type LiveState = Exclude<SocketState, { kind: 'connected' }> | { kind: 'connected' } | { kind: 'catching-up' };

const catchingUp = new Set<string>();
const listeners = new Set<() => void>();
let snapshot: LiveState = compute();

function compute(): LiveState {
  const socket = socketState();
  return socket.kind === 'connected' && catchingUp.size > 0 ? { kind: 'catching-up' } : socket;
}

function notify() {
  for (const listener of listeners) listener();
}

function refresh() {
  const next = compute();
  const same =
    next.kind === snapshot.kind &&
    (next.kind !== 'reconnecting' || (snapshot.kind === 'reconnecting' && next.nextTryAt === snapshot.nextTryAt));
  if (same) return;
  snapshot = next;
  notify();
}

onSocketState(refresh);

/** A stream says it is replaying (true) or has caught up (false). */
export function setStreamCatchingUp(operationId: string, replaying: boolean): void {
  if (replaying === catchingUp.has(operationId)) return;
  if (replaying) catchingUp.add(operationId);
  else catchingUp.delete(operationId);
  const before = snapshot;
  refresh();
  // Told per operation too (useStreamCatchingUp), when the link's state as a whole stays the same.
  if (snapshot === before) notify();
}

/** The operation's stream is replaying what it missed: an event heard now happened before. */
export function isStreamCatchingUp(operationId: string): boolean {
  return catchingUp.has(operationId);
}

/** Whether the operation's stream is replaying, re-rendering when it starts and when it has caught up. */
export function useStreamCatchingUp(operationId: string): boolean {
  return useSyncExternalStore(subscribe, () => catchingUp.has(operationId));
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The live link's state, re-rendering on each change: live, reconnecting (and when), catching up, offline. */
export function useLiveState(): LiveState {
  return useSyncExternalStore(subscribe, () => snapshot);
}
