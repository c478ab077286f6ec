import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { Provider } from 'urql';
import { client } from './lib/urql';
import { OperationsRoom } from './modules/room/operations-room';
import './styles.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

createRoot(root).render(
  <StrictMode>
    <Provider value={client}>
      <OperationsRoom />
    </Provider>
  </StrictMode>,
);
