import { expect } from 'vitest';
import { it } from '../testkit/fixtures';
import { seedKit } from '../testkit/seed';
import { execute, openSocket } from '../testkit/ws';

it('signs in and reads me over HTTP and WebSocket', async ({ app }) => {
  const seed = seedKit(app);
  const user = await seed.user();
  const session = await seed.signIn(user);
  const me = await app.graphql('{ me { email agency { name } } }', {}, { cookie: session.cookie });
  expect(me.data?.me.email).toBe(user.email);
  const socket = openSocket(app.wsUrl, { token: session.token });
  const result = await execute(socket, '{ me { email } }');
  expect(result.data).toEqual({ me: { email: user.email } });
  await socket.dispose();
  const anonymous = openSocket(app.wsUrl);
  expect((await anonymous.closed).code).toBe(4403);
});
