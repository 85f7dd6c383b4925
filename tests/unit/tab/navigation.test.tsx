import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { App } from '../../../tab/src/App';
import { browserHost } from '../../../tab/src/host/host';

// The profile screen has its own tests; here it only needs to be a second screen to go to.
vi.mock('../../../tab/src/screens/profile/ProfileScreen', () => ({
  default: () => <h1>Profile stand-in</h1>,
}));

const server = setupServer(
  http.get('*/api/health', () => HttpResponse.json({ status: 'ok', store: 'up' })),
);
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  server.resetHandlers();
  window.localStorage.clear();
  window.history.replaceState(null, '', '/');
  vi.restoreAllMocks();
});
afterAll(() => server.close());

describe('navigation between screens', () => {
  it('goes to a screen from the nav, marks it current, titles the page and moves focus to the content', async () => {
    vi.spyOn(window.navigator, 'languages', 'get').mockReturnValue(['en-GB']);
    const user = userEvent.setup();
    render(<App host={browserHost} />);
    await screen.findByRole('heading', { level: 1, name: 'Welcome to Mentoring' });
    expect(screen.getByRole('link', { name: 'Home' })).toHaveAttribute('aria-current', 'page');
    // Arriving on the tab does not steal focus.
    expect(document.activeElement).toBe(document.body);

    await user.click(screen.getByRole('link', { name: 'My profile' }));

    expect(
      await screen.findByRole('heading', { level: 1, name: 'Profile stand-in' }),
    ).toBeVisible();
    expect(window.location.pathname).toBe('/profile');
    expect(screen.getByRole('link', { name: 'My profile' })).toHaveAttribute(
      'aria-current',
      'page',
    );
    expect(screen.getByRole('link', { name: 'Home' })).not.toHaveAttribute('aria-current');
    expect(document.title).toBe('My profile – Mentoring');
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('main')));
  });

  it('follows the browser back button', async () => {
    vi.spyOn(window.navigator, 'languages', 'get').mockReturnValue(['fr-FR']);
    const user = userEvent.setup();
    render(<App host={browserHost} />);
    await screen.findByRole('heading', { level: 1, name: 'Bienvenue dans Mentoring' });

    await user.click(screen.getByRole('link', { name: 'Mon profil' }));
    await screen.findByRole('heading', { level: 1, name: 'Profile stand-in' });
    window.history.back();

    expect(
      await screen.findByRole('heading', { level: 1, name: 'Bienvenue dans Mentoring' }),
    ).toBeInTheDocument();
    expect(document.title).toBe('Bienvenue dans Mentoring – Mentoring');
  });

  it('opens the landing screen for an unknown path', async () => {
    window.history.replaceState(null, '', '/no-such-screen');
    render(<App host={browserHost} />);

    expect(await screen.findByRole('heading', { level: 1 })).toHaveTextContent(
      /Welcome to Mentoring|Bienvenue dans Mentoring/,
    );
  });
});
