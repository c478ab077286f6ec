import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createUrqlClient } from './lib/urql';
import { router } from './router';
import { askAhead } from './shell/ask-ahead';
import './sw/register';
import { App } from './shell/app';
import './styles.css';

// The chunks of the screen the address names are fetched at once, beside the question of who is
// signed in, rather than once it is answered: on a customs post's link each round trip costs
// 400 ms or more, and the room's chunk is most of what the room waits for.
for (const route of router.getMatchedRoutes(window.location.pathname)[0]) void router.loadRouteChunk(route);
const client = createUrqlClient();
askAhead(client, window.location);

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

createRoot(root).render(
  <StrictMode>
    <App firstClient={client} />
  </StrictMode>,
);
