import { screen } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { authTranslate } from '../../../tab/src/auth/auth-i18n';
import { SessionGate } from '../../../tab/src/auth/SessionProvider';
import {
  aMe,
  aPersonCard,
  renderScreen,
  signedInAs,
  signOutEverywhere,
} from './screens/render-screen';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  server.resetHandlers();
  signOutEverywhere();
});
afterAll(() => server.close());

function signedInAsPersona(id: string, displayName: string) {
  signedInAs(id, displayName);
  server.use(
    http.get('*/api/me', () =>
      HttpResponse.json(aMe({ person: aPersonCard({ id, displayName }) })),
    ),
  );
}

describe('the demo banner speaks French properly', () => {
  it('elides « que » before a name that starts with a vowel: « en tant qu’Adam Henry »', async () => {
    signedInAsPersona('p-7', 'Adam Henry');
    renderScreen(<SessionGate>content</SessionGate>, { locale: 'fr' });
    expect(
      await screen.findByText('Mode démo : vous agissez en tant qu’Adam Henry.'),
    ).toBeInTheDocument();
  });

  it('keeps « que » before a consonant, and English untouched', async () => {
    signedInAsPersona('p-31', 'Louise Bernard');
    const { unmount } = renderScreen(<SessionGate>content</SessionGate>, { locale: 'fr' });
    expect(
      await screen.findByText('Mode démo : vous agissez en tant que Louise Bernard.'),
    ).toBeInTheDocument();
    unmount();
    expect(authTranslate('en')('session.actingAs', { name: 'Adam Henry' })).toBe(
      'Demo mode: you are acting as Adam Henry.',
    );
  });
});
