import { screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import type { ToolkitResponse } from '../../../../src/contracts/pairs';
import ToolkitScreen from '../../../../tab/src/screens/pair/ToolkitScreen';
import { pierreId } from './pair-fixtures';
import { aMe, aPersonCard, renderScreen, signedInAs, signOutEverywhere } from './render-screen';

const toolkit = (locale: 'fr' | 'en'): ToolkitResponse => ({
  locale,
  title: locale === 'fr' ? 'Boîte à outils' : 'Toolkit',
  sections: [
    {
      id: 'first-session',
      title: locale === 'fr' ? 'Animer une première séance' : 'Running a first session',
      summary:
        locale === 'fr' ? 'Faire connaissance et choisir le sujet.' : 'Meet and pick the subject.',
      minutes: 3,
      blocks: [
        {
          type: 'paragraph',
          text: locale === 'fr' ? 'Commencez par écouter.' : 'Start by listening.',
        },
        { type: 'steps', items: ['1', '2'] },
        { type: 'template', title: locale === 'fr' ? 'Ordre du jour' : 'Agenda', items: ['Intro'] },
        { type: 'tip', text: locale === 'fr' ? 'Gardez 5 minutes.' : 'Keep 5 minutes.' },
      ],
    },
  ],
});

const server = setupServer();
const asked: string[] = [];
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
beforeEach(() => {
  signedInAs(pierreId, 'Pierre Gaillard');
  server.use(
    http.get('*/api/me', () =>
      HttpResponse.json(
        aMe({ person: aPersonCard({ id: pierreId, displayName: 'Pierre Gaillard' }) }),
      ),
    ),
    http.get('*/api/toolkit', ({ request }) => {
      const locale = new URL(request.url).searchParams.get('locale') as 'fr' | 'en';
      asked.push(locale);
      return HttpResponse.json(toolkit(locale));
    }),
  );
});
afterEach(() => {
  server.resetHandlers();
  signOutEverywhere();
  asked.length = 0;
});
afterAll(() => server.close());

describe('the mentor toolkit', { timeout: 20_000 }, () => {
  it('asks for the toolkit in the active language and lists its sections with their blocks', async () => {
    renderScreen(<ToolkitScreen />, { locale: 'fr' });
    const section = await screen.findByRole(
      'region',
      { name: 'Animer une première séance' },
      { timeout: 10_000 },
    );
    expect(asked).toEqual(['fr']);
    const contents = screen.getByRole('navigation', { name: 'Sommaire' });
    expect(
      within(contents).getByRole('link', { name: 'Animer une première séance' }),
    ).toHaveAttribute('href', '#toolkit-first-session');
    expect(contents).toHaveTextContent('3 min de lecture');
    expect(section).toHaveTextContent('Commencez par écouter.');
    expect(
      within(section).getByRole('heading', { name: 'Modèle : Ordre du jour' }),
    ).toBeInTheDocument();
    expect(section).toHaveTextContent('Astuce : Gardez 5 minutes.');
    expect(screen.getByRole('button', { name: 'Retour à mon binôme' })).toBeInTheDocument();
  });

  it('speaks English too', async () => {
    renderScreen(<ToolkitScreen />, { locale: 'en' });
    expect(
      await screen.findByRole('region', { name: 'Running a first session' }, { timeout: 10_000 }),
    ).toHaveTextContent('Tip: Keep 5 minutes.');
    expect(asked).toEqual(['en']);
    expect(screen.getByRole('heading', { level: 1, name: 'Mentor toolkit' })).toBeInTheDocument();
  });
});
