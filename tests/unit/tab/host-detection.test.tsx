import { render, screen } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { App } from '../../../tab/src/App';
import { detectHost, mayBeHosted } from '../../../tab/src/host/detect-host';
import { matchLocale, pickLocale } from '../../../tab/src/i18n/catalogue';

// Counts how often the Teams module (the only importer of teams-js) is evaluated.
const teamsModule = vi.hoisted(() => ({ evaluations: 0 }));
vi.mock('../../../tab/src/host/teams-host', () => {
  teamsModule.evaluations += 1;
  return { connectToTeams: () => Promise.resolve(null) };
});

const server = setupServer(
  http.get('*/api/health', () => HttpResponse.json({ status: 'ok', store: 'up' })),
);
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  server.resetHandlers();
  vi.useRealTimers();
});
afterAll(() => server.close());

describe('host detection', () => {
  it('knows at once that a top-level page without opener is not in Teams, without loading teams-js', async () => {
    vi.useFakeTimers();
    expect(mayBeHosted(window)).toBe(false);

    // No timer is advanced: the answer cannot come from a timeout.
    const host = await detectHost();

    expect(host).toEqual({ kind: 'browser' });
    expect(teamsModule.evaluations).toBe(0);
  });

  it('renders the shell of a browser tab after detection, still without teams-js', async () => {
    const host = await detectHost();
    render(<App host={host} />);

    expect(await screen.findByRole('group', { name: /Language|Langue/ })).toBeInTheDocument();
    expect(teamsModule.evaluations).toBe(0);
  });

  it('treats a framed page or a popup as possibly hosted', () => {
    const framed = { self: {}, parent: {}, opener: null } as unknown as Window;
    const popup = { opener: {} } as unknown as Window;
    Object.assign(popup, { self: popup, parent: popup });
    expect(mayBeHosted(framed)).toBe(true);
    expect(mayBeHosted(popup)).toBe(true);
  });

  it('in a frame, loads the Teams module and uses what it finds', async () => {
    const teamsHost = {
      kind: 'teams' as const,
      locale: 'fr' as const,
      theme: 'dark' as const,
      user: { id: 'u-1' },
      onThemeChange: () => () => undefined,
      notifySuccess: () => undefined,
      getAuthToken: () => Promise.resolve('t'),
    };
    const connectToTeams = vi.fn(() => Promise.resolve(teamsHost));

    const host = await detectHost({ framed: true, loadTeams: async () => ({ connectToTeams }) });

    expect(host).toBe(teamsHost);
    expect(connectToTeams).toHaveBeenCalledWith({ initTimeoutMs: 1500 });
  });

  it('in a frame that is not Teams, continues as a browser tab', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const notTeams = await detectHost({
      framed: true,
      loadTeams: async () => ({ connectToTeams: () => Promise.resolve(null) }),
    });
    const broken = await detectHost({
      framed: true,
      loadTeams: () => Promise.reject(new Error('chunk failed to load')),
    });

    expect(notTeams).toEqual({ kind: 'browser' });
    expect(broken).toEqual({ kind: 'browser' });
    warn.mockRestore();
  });
});

describe('locale matching', () => {
  it('maps every French variant to French and anything else to English', () => {
    expect(matchLocale('fr-FR')).toBe('fr');
    expect(matchLocale('fr-CA')).toBe('fr');
    expect(matchLocale('FR')).toBe('fr');
    expect(matchLocale('en-GB')).toBe('en');
    expect(matchLocale('de-DE')).toBeUndefined();
    expect(pickLocale(['de-DE', 'fr-CH', 'en'])).toBe('fr');
    expect(pickLocale(['es-ES'])).toBe('en');
    expect(pickLocale([])).toBe('en');
  });
});
