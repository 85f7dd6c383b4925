import { screen } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { authTranslate } from '../../../tab/src/auth/auth-i18n';
import { SessionGate } from '../../../tab/src/auth/SessionProvider';
import { elideBeforePlaceholders, elidesBefore } from '../../../tab/src/i18n/french-elision';
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

describe('French elision before a placeholder', () => {
  it('elides que and de before a vowel or an h, not before a consonant or y', () => {
    expect(['Adam', 'Élodie', 'Hugo', 'Ines', 'œuvre'].every(elidesBefore)).toBe(true);
    expect(['Yanis', 'Louise', 'Romain', ''].some(elidesBefore)).toBe(false);
    const template = 'en tant que {name}, le binôme de {partner} et de {other}';
    expect(
      elideBeforePlaceholders(template, { name: 'Hélène', partner: 'Adam', other: 'Yanis' }),
    ).toBe('en tant qu’{name}, le binôme d’{partner} et de {other}');
    // Only right before a placeholder: « de l’entreprise » and numbers are left alone.
    expect(elideBeforePlaceholders('que {count} de {x}', { count: 8, x: 'Romain' })).toBe(
      'que {count} de {x}',
    );
  });
});
