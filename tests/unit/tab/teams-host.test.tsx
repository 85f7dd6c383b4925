import { connectToTeams } from '../../../tab/src/host/teams-host';

// teams-js itself, talking to a real Teams-like parent, is exercised in tests/e2e/teams-host.test.ts.
// Here the SDK is replaced to check the decisions this module makes on top of it.
const sdk = vi.hoisted(() => ({
  initialize: vi.fn<() => Promise<void>>(),
  getContext: vi.fn<() => Promise<unknown>>(),
  themeHandler: null as ((theme: string) => void) | null,
  notifySuccess: vi.fn(() => Promise.resolve({ hasFinishedSuccessfully: true })),
  getAuthToken: vi.fn(() => Promise.resolve('sso')),
}));

vi.mock('@microsoft/teams-js', () => ({
  app: {
    initialize: sdk.initialize,
    getContext: sdk.getContext,
    registerOnThemeChangeHandler: (handler: (theme: string) => void) => {
      sdk.themeHandler = handler;
    },
    notifySuccess: sdk.notifySuccess,
  },
  authentication: { getAuthToken: sdk.getAuthToken },
}));

afterEach(() => {
  vi.useRealTimers();
  vi.clearAllMocks();
});

const context = (locale: string, theme: string) => ({
  app: { locale, theme },
  user: {
    id: 'oid-1',
    displayName: 'Awa Diallo',
    userPrincipalName: 'awa@contoso.fr',
    tenant: { id: 'tid' },
  },
});

describe('connecting to Teams', () => {
  it('gives up when the parent never answers initialize', async () => {
    vi.useFakeTimers();
    sdk.initialize.mockReturnValue(new Promise(() => undefined));

    const connecting = connectToTeams({ initTimeoutMs: 1500 });
    await vi.advanceTimersByTimeAsync(1499);
    let settled = false;
    void connecting.then(() => (settled = true));
    await Promise.resolve();
    expect(settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);

    expect(await connecting).toBeNull();
    expect(sdk.getContext).not.toHaveBeenCalled();
  });

  it('gives up when initialize is rejected', async () => {
    sdk.initialize.mockRejectedValue(new Error('No Parent window found'));
    expect(await connectToTeams({ initTimeoutMs: 1500 })).toBeNull();
  });

  it.each([
    ['fr-FR', 'fr'],
    ['fr-CA', 'fr'],
    ['en-US', 'en'],
    ['de-DE', 'en'],
  ])('reads the Teams locale %s as %s', async (teamsLocale, locale) => {
    sdk.initialize.mockResolvedValue();
    sdk.getContext.mockResolvedValue(context(teamsLocale, 'default'));

    const host = await connectToTeams({ initTimeoutMs: 1500 });

    expect(host?.locale).toBe(locale);
  });

  it('reads theme and user, follows theme changes, notifies success once, and gets SSO tokens', async () => {
    sdk.initialize.mockResolvedValue();
    sdk.getContext.mockResolvedValue(context('fr-FR', 'contrast'));

    const host = await connectToTeams({ initTimeoutMs: 1500 });
    if (!host) throw new Error('expected a Teams host');

    expect(host.theme).toBe('contrast');
    expect(host.user).toEqual({
      id: 'oid-1',
      displayName: 'Awa Diallo',
      userPrincipalName: 'awa@contoso.fr',
      tenantId: 'tid',
    });

    const seen: string[] = [];
    const stop = host.onThemeChange((theme) => seen.push(theme));
    sdk.themeHandler?.('dark');
    sdk.themeHandler?.('default');
    stop();
    sdk.themeHandler?.('contrast');
    expect(seen).toEqual(['dark', 'light']);

    host.notifySuccess();
    host.notifySuccess();
    expect(sdk.notifySuccess).toHaveBeenCalledTimes(1);

    expect(await host.getAuthToken()).toBe('sso');
  });
});
