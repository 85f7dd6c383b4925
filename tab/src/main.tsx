import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { setTokenProvider } from './api/client';
import { App } from './App';
import { detectHost } from './host/detect-host';
import { preloadScreen, screenForPath } from './screens/registry';

// Download the first screen while the host is being detected, and render once both are there: the
// landing screen then shows with the shell instead of after a loading state. On a slow network the
// shell does not wait more than a moment (it shows a spinner for the screen), and a failed download
// is not fatal here: the shell shows its retry message.
const FIRST_SCREEN_WAIT_MS = 500;
const [host] = await Promise.all([
  detectHost(),
  Promise.race([
    preloadScreen(screenForPath(window.location.pathname)).catch(() => undefined),
    new Promise((resolve) => setTimeout(resolve, FIRST_SCREEN_WAIT_MS)),
  ]),
]);
if (host.kind === 'teams') setTokenProvider(() => host.getAuthToken());

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');
createRoot(container).render(
  <StrictMode>
    <App host={host} />
  </StrictMode>,
);
