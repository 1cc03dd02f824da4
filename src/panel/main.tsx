// Composition root of the panel page: the only panel module that may create the browser host.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createDevtoolsHost } from '../platform/webext-devtools-host';
import { App } from './App';

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App host={createDevtoolsHost()} />
    </StrictMode>,
  );
}
