import { randomBytes } from 'node:crypto';
import type { Locator, Page } from 'playwright-core';
import type { Actor, OperationDriver, OperationKit } from '../testkit/operations';

// The live room's browser tests: alerts raised through the API as a contact point would raise
// them, the row an alert makes in a room, and what a browser received over the network.

interface AlertToRaise {
  title: string;
  severity: 'LOW' | 'MEDIUM' | 'HIGH' | 'CRITICAL';
  marking: 'CLEAR' | 'GREEN' | 'AMBER' | 'AMBER_STRICT' | 'RED';
  /** The recipient agencies (RESTRICTED), or every participant. */
  to: Actor[] | 'all';
}

/** raiseAlert through the API; throws unless the alert was raised. */
export async function raiseAlert(kit: OperationKit, operation: OperationDriver, by: Actor, alert: AlertToRaise) {
  const { result } = await kit.mutate(by, 'raiseAlert', {
    operationId: operation.id,
    idempotencyKey: randomBytes(8).toString('hex'),
    category: 'INTELLIGENCE',
    severity: alert.severity,
    title: alert.title,
    marking: alert.marking,
    ...(alert.to === 'all'
      ? { distribution: 'ALL_PARTICIPANTS' }
      : { distribution: 'RESTRICTED', recipientAgencyIds: alert.to.map((actor) => actor.agency.globalId) }),
  });
  if (result?.__typename !== 'Alert') throw new Error(`raiseAlert failed: ${JSON.stringify(result)}`);
  return { id: String(result.id), reference: String(result.reference) };
}

/** The feed's row of the alert with this title. */
export const roomRow = (page: Page, title: string): Locator => page.getByRole('article').filter({ hasText: title });

export interface NetworkLog {
  /** Where a text occurred in what the page received: WebSocket frames and HTTP response bodies. */
  seen(text: string): string[];
  frames(): number;
}

/** Records every WebSocket frame and HTTP response body the page receives from now on. */
export function networkLog(page: Page): NetworkLog {
  const received: { where: string; body: string }[] = [];
  let frames = 0;
  page.on('websocket', (socket) => {
    socket.on('framereceived', (frame) => {
      frames += 1;
      received.push({ where: `frame on ${socket.url()}`, body: String(frame.payload) });
    });
  });
  page.on('response', (response) => {
    void response.text().then(
      (body) => received.push({ where: `${response.request().method()} ${response.url()}`, body }),
      () => undefined,
    );
  });
  return {
    seen: (text) => received.filter((entry) => entry.body.includes(text)).map((entry) => entry.where),
    frames: () => frames,
  };
}
