import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { App } from '../../../tab/src/App';
import { setSignedInMe } from '../../../tab/src/auth/session-store';
import { browserHost, type TeamsHost, type ThemeName } from '../../../tab/src/host/host';
import { aMe } from './screens/render-screen';

const server = setupServer(
  http.get('*/api/health', () => HttpResponse.json({ status: 'ok', store: 'up' })),
  // In Teams someone is always signed in: the home screen asks who, and about the programmes.
  http.get('*/api/me', () => HttpResponse.json(aMe({ roles: ['participant', 'manager'] }))),
  http.get('*/api/programmes', () =>
    HttpResponse.json({ programmes: [], canCreateProgrammes: false }),
  ),
  http.get('*/api/pairs/mine', () => HttpResponse.json({ pairs: [] })),
);

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  server.resetHandlers();
  act(() => setSignedInMe(null));
  window.localStorage.clear();
  vi.restoreAllMocks();
});
afterAll(() => server.close());

function browserLanguages(...languages: string[]) {
  vi.spyOn(window.navigator, 'languages', 'get').mockReturnValue(languages);
}

function aTeamsHost(overrides: Partial<TeamsHost> = {}): TeamsHost {
  return {
    kind: 'teams',
    locale: 'fr',
    theme: 'light',
    user: { id: 'u-1', displayName: 'Awa Diallo' },
    onThemeChange: () => () => undefined,
    notifySuccess: vi.fn(),
    getAuthToken: () => Promise.resolve('token'),
    ...overrides,
  };
}

describe('the shell outside Teams', () => {
  it('speaks French to a browser that prefers French', async () => {
    browserLanguages('fr-FR', 'en-US');
    render(<App host={browserHost} />);

    expect(
      await screen.findByRole('heading', { level: 1, name: 'Bienvenue dans Mentoring' }),
    ).toBeInTheDocument();
    expect(screen.getByRole('navigation', { name: 'Principale' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Aller au contenu principal' })).toBeInTheDocument();
    expect(document.documentElement.lang).toBe('fr');
  });

  it('speaks English when the browser prefers neither French nor English', async () => {
    browserLanguages('de-DE');
    render(<App host={browserHost} />);

    expect(
      await screen.findByRole('heading', { level: 1, name: 'Welcome to Mentoring' }),
    ).toBeInTheDocument();
    expect(document.documentElement.lang).toBe('en');
  });

  it('switches language with the language switch and remembers the choice', async () => {
    browserLanguages('fr-FR');
    const user = userEvent.setup();
    const { unmount } = render(<App host={browserHost} />);
    await screen.findByRole('heading', { level: 1, name: 'Bienvenue dans Mentoring' });

    const switcher = screen.getByRole('group', { name: 'Langue' });
    expect(within(switcher).getByRole('button', { name: 'Français' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    await user.click(within(switcher).getByRole('button', { name: 'English' }));

    expect(
      screen.getByRole('heading', { level: 1, name: 'Welcome to Mentoring' }),
    ).toBeInTheDocument();
    expect(screen.getByRole('group', { name: 'Language' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'English' })).toHaveAttribute('aria-pressed', 'true');
    expect(document.documentElement.lang).toBe('en');

    unmount();
    render(<App host={browserHost} />);
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Welcome to Mentoring' }),
    ).toBeInTheDocument();
  });

  it('keeps the nav to one row that scrolls sideways in its own region on a narrow tab, each label on one line', async () => {
    browserLanguages('fr-FR');
    render(<App host={browserHost} />);
    await screen.findByRole('heading', { level: 1 });

    const nav = screen.getByRole('navigation', { name: 'Principale' });
    expect(getComputedStyle(within(nav).getByRole('list')).flexWrap).toBe('nowrap');
    expect(getComputedStyle(nav).overflowX).toBe('auto');
    // The toolkit (the longest label) shows to mentors only: the longest one shown to everyone.
    const link = within(nav).getByRole('link', { name: 'Ma proposition' });
    expect(getComputedStyle(link).whiteSpace).toBe('nowrap');
  });

  it('offers a theme switch and remembers the choice', async () => {
    browserLanguages('en-US');
    const user = userEvent.setup();
    render(<App host={browserHost} />);
    await screen.findByRole('heading', { level: 1 });

    const theme = screen.getByRole('combobox', { name: 'Theme' });
    expect(theme).toHaveValue('system');
    await user.selectOptions(theme, 'High contrast');

    expect(theme).toHaveValue('contrast');
    expect(window.localStorage.getItem('mentoring.theme')).toBe('contrast');
  });

  it('shows that the service is available', async () => {
    browserLanguages('fr-FR');
    render(<App host={browserHost} />);

    expect(await screen.findByText('Service disponible')).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('Service disponible');
  });

  it('shows a translated message when the store is down', async () => {
    server.use(
      http.get('*/api/health', () =>
        HttpResponse.json(
          { error: { code: 'store_unavailable', message: 'Cosmos DB is not reachable' } },
          { status: 503 },
        ),
      ),
    );
    browserLanguages('fr-FR');
    render(<App host={browserHost} />);

    expect(
      await screen.findByText(
        'Le service de données est indisponible. Réessayez dans quelques instants.',
      ),
    ).toBeInTheDocument();
  });
});

describe('the shell inside Teams', () => {
  it('uses the Teams language, shows no language or theme switch, and greets the user', async () => {
    browserLanguages('en-US');
    render(<App host={aTeamsHost({ locale: 'fr' })} />);

    expect(
      await screen.findByRole('heading', { level: 1, name: 'Bienvenue dans Mentoring' }),
    ).toBeInTheDocument();
    expect(screen.getByText('Bonjour Awa Diallo.')).toBeInTheDocument();
    // Signed in through Teams: what to do next, and the manager's link in the nav.
    const next = await screen.findByRole('region', { name: 'Ce que vous pouvez faire maintenant' });
    await within(next).findByRole('link', { name: 'Voir les demandes à approuver' });
    expect(screen.getAllByText('Bonjour Awa Diallo.')).toHaveLength(1);
    expect(
      within(screen.getByRole('navigation', { name: 'Principale' })).getByRole('link', {
        name: 'Approbations',
      }),
    ).toBeInTheDocument();
    expect(screen.queryByRole('group', { name: 'Langue' })).not.toBeInTheDocument();
    expect(screen.queryByRole('combobox', { name: 'Thème' })).not.toBeInTheDocument();
  });

  it('tells Teams once that the first screen is shown', async () => {
    const host = aTeamsHost();
    render(<App host={host} />);

    await screen.findByRole('heading', { level: 1 });
    expect(host.notifySuccess).toHaveBeenCalledTimes(1);
  });

  it('subscribes to theme changes and unsubscribes when it goes away', async () => {
    const listeners = new Set<(theme: ThemeName) => void>();
    const host = aTeamsHost({
      onThemeChange: (listener) => {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
    });
    const { unmount } = render(<App host={host} />);
    await screen.findByRole('heading', { level: 1 });

    expect(listeners.size).toBe(1);
    unmount();
    expect(listeners.size).toBe(0);
  });
});
