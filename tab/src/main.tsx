import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { setTokenProvider } from './api/client';
import { App } from './App';
import { detectHost } from './host/detect-host';
import { preloadScreen, screenForPath } from './screens/registry';

// Download the first screen while the host is being detected, instead of after the shell renders.
void preloadScreen(screenForPath(window.location.pathname)).catch(() => undefined);

const host = await detectHost();
if (host.kind === 'teams') setTokenProvider(() => host.getAuthToken());

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');
createRoot(container).render(
  <StrictMode>
    <App host={host} />
  </StrictMode>,
);
