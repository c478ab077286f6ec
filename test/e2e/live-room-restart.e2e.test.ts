import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../testkit/app';
import { openBrowser, signIn, type Person } from '../testkit/browser';
import { ManualClock } from '../testkit/clock';
import { createTestDatabase, type TestDatabase } from '../testkit/database';
import { describeWhere, environment } from '../testkit/environment';
import { operationalRoom } from '../testkit/operational-room';
import { operationKit, type Actor, type OperationDriver, type OperationKit } from '../testkit/operations';
import { reportFigure } from '../testkit/report';
import { freePort, startServerProcess, type ServerProcess } from '../testkit/server-process';
import { ensureWebBuilt } from '../testkit/web-build';
import { raiseAlert, roomRow } from './live-room.support';

// Thailand's room is open on a server process that is stopped, while Malaysia raises three alerts
// through another instance of the same deployment; the process comes back on the same address.
// The room reconnects by itself, resumes from its last cursor and shows each alert exactly once.

let database: TestDatabase;
let writer: TestApp;
let server: ServerProcess;
let env: Record<string, string>;
let kit: OperationKit;
let operation: OperationDriver;
let a: Actor;
let b: Actor;
let person: Person;

describeWhere(['postgres', 'redis', 'chromium'], 'the live room across a server restart', () => {
  beforeAll(async () => {
    database = await createTestDatabase();
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    const shared = {
      DATABASE_URL: database.url!,
      REDIS_URL: environment.redisUrl!,
      REDIS_CHANNEL_PREFIX: `jointops-room-restart-${randomBytes(4).toString('hex')}:`,
      MUTATION_RATE_PER_MINUTE: '1000000',
      MUTATION_BURST: '1000000',
    };
    env = { ...shared, PORT: String(port), NODE_ENV: 'test', LOG_LEVEL: 'warn', WEB_DIST_DIR: ensureWebBuilt(), ALLOWED_ORIGINS: url };
    server = await startServerProcess({ env });
    await server.waitUntilReady();
    // The writer's clock is the real one, so the process takes the sessions it signs in as fresh.
    writer = await startTestApp({ database, clock: new ManualClock(new Date()), env: shared });
    kit = operationKit(writer);
    const room = await operationalRoom(kit);
    operation = room.operation;
    [a, b] = [room.malaysia, room.thailand];
    person = await openBrowser(server.url, { locale: 'en-GB' });
    await person.page.goto(server.url);
    await signIn(person.page, b.email, b.password);
    await person.page.goto(`${server.url}/operations/${operation.code}/room`);
    await person.page.getByRole('heading', { name: 'Operations room' }).waitFor();
    await person.page.locator('[data-testid="ws-state"][data-state="connected"]').waitFor();
  }, 240_000);

  afterAll(async () => {
    await person?.close();
    await server?.stop();
    await writer?.stop();
    await database?.destroy();
  });

  it('shows the three alerts raised while its server was down, each once, after the server comes back', { timeout: 120_000 }, async () => {
    const { page } = person;
    const titles = [1, 2, 3].map((n) => `Raised during the restart ${n} ${randomBytes(3).toString('hex')}`);
    await server.stop();
    await page.locator('[data-testid="ws-state"][data-state="reconnecting"]').waitFor();
    for (const title of titles) await raiseAlert(kit, operation, a, { title, severity: 'HIGH', marking: 'AMBER', to: [b] });
    server = await startServerProcess({ env });
    await server.waitUntilReady();
    const back = performance.now();
    for (const title of titles) await roomRow(page, title).waitFor({ timeout: 60_000 });
    reportFigure(
      `room: three alerts raised while the server was down shown ${Math.round(performance.now() - back)} ms after it was ready again`,
    );
    await page.locator('[data-testid="ws-state"][data-state="connected"]').waitFor();
    await page.waitForTimeout(1_000);
    for (const title of titles) expect(await roomRow(page, title).count()).toBe(1);
  });
});
