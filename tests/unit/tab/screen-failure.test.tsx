import { fireEvent, render, screen } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { App } from '../../../tab/src/App';
import type { TeamsHost } from '../../../tab/src/host/host';

// A screen whose chunk cannot be loaded (a deployment replaced it, the network dropped).
vi.mock('../../../tab/src/screens/profile/ProfileScreen', () => {
  throw new Error('Failed to fetch dynamically imported module');
});

const server = setupServer(
  http.get('*/api/health', () => HttpResponse.json({ status: 'ok', store: 'up' })),
);
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  server.resetHandlers();
  window.history.replaceState(null, '', '/');
  vi.restoreAllMocks();
});
afterAll(() => server.close());

it('shows a translated retry message when a screen cannot be loaded, and the shell stays usable', async () => {
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
  window.history.replaceState(null, '', '/profile');
  const host: TeamsHost = {
    kind: 'teams',
    locale: 'fr',
    theme: 'light',
    user: { id: 'u-1' },
    onThemeChange: () => () => undefined,
    notifySuccess: vi.fn(),
    getAuthToken: () => Promise.resolve('token'),
  };
  render(<App host={host} />);

  const alert = await screen.findByRole('alert');
  expect(alert).toHaveTextContent(
    'Cet écran n’a pas pu être chargé. Vérifiez votre connexion et réessayez.',
  );
  expect(screen.getByRole('button', { name: 'Réessayer' })).toBeInTheDocument();
  // Teams can stop its loading indicator: the tab is up and says what happened.
  expect(host.notifySuccess).toHaveBeenCalledTimes(1);

  fireEvent.click(screen.getByRole('link', { name: 'Accueil' }));
  expect(
    await screen.findByRole('heading', { level: 1, name: 'Bienvenue dans Mentoring' }),
  ).toBeInTheDocument();
});
