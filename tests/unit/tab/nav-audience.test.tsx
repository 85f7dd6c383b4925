import { act, render, screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import type { AppRole } from '../../../src/contracts/identity';
import { App } from '../../../tab/src/App';
import { setSignedInMe } from '../../../tab/src/auth/session-store';
import { browserHost } from '../../../tab/src/host/host';
import { en } from '../../../tab/src/i18n/en';
import { fr } from '../../../tab/src/i18n/fr';
import { screens } from '../../../tab/src/screens/registry';
import { aMe } from './screens/render-screen';

const server = setupServer(
  http.get('*/api/health', () => HttpResponse.json({ status: 'ok', store: 'up' })),
);
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  server.resetHandlers();
  act(() => setSignedInMe(null));
  window.localStorage.clear();
  vi.restoreAllMocks();
});
afterAll(() => server.close());

async function navLinks(): Promise<string[]> {
  const nav = await screen.findByRole('navigation', { name: 'Main' });
  return within(nav)
    .getAllByRole('link')
    .map((link) => link.textContent ?? '');
}

const as = (roles: AppRole[]) => act(() => setSignedInMe(aMe({ roles })));

describe('the nav follows who is signed in', () => {
  it('shows Approvals to managers only, Programmes and Matching to leads only', async () => {
    vi.spyOn(window.navigator, 'languages', 'get').mockReturnValue(['en-GB']);
    render(<App host={browserHost} />);
    await screen.findByRole('heading', { level: 1, name: 'Welcome to Mentoring' });
    const everyone = ['Home', 'My profile', 'My match', 'My pair'];

    // Nobody signed in yet, then a participant: no lead or manager links.
    expect(await navLinks()).toEqual(expect.arrayContaining(everyone));
    expect(await navLinks()).not.toContain('Programmes');
    await as(['participant']);
    const participant = await navLinks();
    for (const hidden of ['Programmes', 'Matching', 'Follow-up', 'Approvals']) {
      expect(participant).not.toContain(hidden);
    }

    await as(['participant', 'manager']);
    expect(await navLinks()).toContain('Approvals');
    expect(await navLinks()).not.toContain('Matching');

    await as(['participant', 'lead']);
    const lead = await navLinks();
    expect(lead).toEqual(expect.arrayContaining(['Programmes', 'Matching', 'Follow-up']));
    expect(lead).not.toContain('Approvals');
    // The printable report is reached from the follow-up and the programme page, not the nav.
    expect(lead).not.toContain('Report');
  });

  it('shows the audit log to programme leads of the organisation only', async () => {
    vi.spyOn(window.navigator, 'languages', 'get').mockReturnValue(['en-GB']);
    render(<App host={browserHost} />);
    await screen.findByRole('heading', { level: 1, name: 'Welcome to Mentoring' });
    // A lead of one programme only: not the organisation's log.
    act(() => setSignedInMe(aMe({ roles: ['participant', 'lead'], canCreateProgrammes: false })));
    expect(await navLinks()).toContain('Programmes');
    expect(await navLinks()).not.toContain('Audit log');
    act(() => setSignedInMe(aMe({ roles: ['participant', 'lead'], canCreateProgrammes: true })));
    expect(await navLinks()).toContain('Audit log');
  });

  it('shows the mentor toolkit to mentors only, and session planning to people in a pair only', async () => {
    vi.spyOn(window.navigator, 'languages', 'get').mockReturnValue(['en-GB']);
    render(<App host={browserHost} />);
    await screen.findByRole('heading', { level: 1, name: 'Welcome to Mentoring' });
    const inPair = (pairRoles: ('mentor' | 'mentee')[]) =>
      act(() => setSignedInMe(aMe({ roles: ['participant'], pairRoles })));

    expect(await navLinks()).not.toContain('Mentor toolkit');
    await inPair([]);
    expect(await navLinks()).not.toContain('Mentor toolkit');
    expect(await navLinks()).not.toContain('Plan our sessions');

    await inPair(['mentee']);
    expect(await navLinks()).not.toContain('Mentor toolkit');
    expect(await navLinks()).toContain('Plan our sessions');

    await inPair(['mentor']);
    expect(await navLinks()).toEqual(
      expect.arrayContaining(['Mentor toolkit', 'Plan our sessions']),
    );
  });
});

describe('the nav labels', () => {
  it.each(['fr', 'en'] as const)(
    'are all different in %s, and so are the screen titles',
    (locale) => {
      const catalogue = { fr, en }[locale];
      const labels = screens.map((entry) => catalogue[entry.navKey]);
      const titles = screens.map((entry) => catalogue[entry.titleKey]);
      expect(new Set(labels).size).toBe(labels.length);
      expect(new Set(titles).size).toBe(titles.length);
    },
  );
});
