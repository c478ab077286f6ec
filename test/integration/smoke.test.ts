import { expect } from 'vitest';
import { it } from '../testkit/fixtures';
import type { TestApp } from '../testkit/app';
import { seedKit } from '../testkit/seed';
import { execute, openSocket } from '../testkit/ws';

let testApp: TestApp;
it.beforeAll(({ app }) => {
  testApp = app;
});
it('signs in and reads me over HTTP and WebSocket', async () => {
  const seed = seedKit(testApp);
  const user = await seed.user();
  const session = await seed.signIn(user);
  const me = await testApp.graphql('{ me { email agency { name } } }', {}, { cookie: session.cookie });
  expect(me.data?.me.email).toBe(user.email);
  const socket = openSocket(testApp.wsUrl, { token: session.token });
  const result = await execute(socket, '{ me { email } }');
  expect(result.data).toEqual({ me: { email: user.email } });
  await socket.dispose();
  const anonymous = openSocket(testApp.wsUrl);
  expect((await anonymous.closed).code).toBe(4403);
});
