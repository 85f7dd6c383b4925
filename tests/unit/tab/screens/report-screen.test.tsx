import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import ReportScreen from '../../../../tab/src/screens/report/ReportScreen';
import { aProgrammeList, aReport, programmeId } from './health-fixtures';
import { aMe, aPersonCard, renderScreen, signedInAs, signOutEverywhere } from './render-screen';

// The charts are checked in Chromium (tests/e2e/health.test.ts, down to the PDF).
vi.mock('../../../../tab/src/screens/follow-up/charts/SessionsChart', () => ({
  default: () => <p>sessions chart</p>,
}));
vi.mock('../../../../tab/src/screens/follow-up/charts/BarGroupsChart', () => ({
  default: ({ title }: { title: string }) => <p>{`chart: ${title}`}</p>,
}));

const lead = aPersonCard({ id: 'p-5', displayName: 'Claire Dubois' });
const leadMe = aMe({ person: lead, roles: ['participant', 'lead'], canCreateProgrammes: true });

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
beforeEach(() => {
  signedInAs(lead.id, lead.displayName);
  window.history.replaceState(null, '', `/report?programme=${programmeId}`);
});
afterEach(() => {
  server.resetHandlers();
  signOutEverywhere();
  window.history.replaceState(null, '', '/');
  vi.restoreAllMocks();
});
afterAll(() => server.close());

function leadApi() {
  const csv: string[] = [];
  server.use(
    http.get('*/api/me', () => HttpResponse.json(leadMe)),
    http.get('*/api/programmes', () =>
      HttpResponse.json(
        aProgrammeList([
          { id: 'prog-2027', name: 'Mentorat inversé 2027', status: 'running' },
          { id: programmeId, name: 'Mentorat inversé 2026', status: 'closed' },
        ]),
      ),
    ),
    http.get(`*/api/programmes/${programmeId}/report`, () => HttpResponse.json(aReport())),
    http.get(`*/api/programmes/${programmeId}/report.csv`, ({ request }) => {
      csv.push(new URL(request.url).search);
      return new HttpResponse('\uFEFFIndicateur;Valeur\r\n', {
        headers: { 'Content-Type': 'text/csv; charset=utf-8' },
      });
    }),
  );
  return { csv };
}

const part = (name: string) => screen.findByRole('region', { name });

describe('the printable report (bilan)', { timeout: 20_000 }, () => {
  it('answers the guide’s questions with figures, in French, « masqué » for hidden counts', async () => {
    leadApi();
    renderScreen(<ReportScreen />, { locale: 'fr' });
    expect(await screen.findByText('Mentorat inversé 2026')).toBeInTheDocument();
    const guide = await part('Les questions clés, chiffres à l’appui');
    const need = within(guide).getByRole('region', {
      name: 'Y avait-il un vrai besoin de ces compétences ?',
    });
    expect(need).toHaveTextContent(
      'Les participants ont demandé à apprendre 5 des 8 compétences du catalogue.',
    );
    const volunteers = within(guide).getByRole('region', { name: 'Y a-t-il eu des volontaires ?' });
    const value = (region: HTMLElement, label: string) =>
      within(region).getByText(label, { selector: 'dt' }).nextElementSibling;
    // Hidden with the invitees (the total minus them).
    expect(value(volunteers, 'Personnes volontaires')).toHaveTextContent('masqué');
    expect(value(volunteers, 'Départs du programme')).toHaveTextContent('masqué');
    const time = within(guide).getByRole('region', { name: 'Du temps a-t-il été dégagé ?' });
    expect(value(time, 'Temps accordé par les managers')).toHaveTextContent('72 h');
    // 30 hours of sessions held are 60 hours of the members' time, against 72 approved.
    expect(value(time, 'Temps passé en séance par les deux membres')).toHaveTextContent('60 h');
    expect(time).toHaveTextContent('Les séances tenues ont utilisé 83 % du temps accordé');
    const evaluation = within(guide).getByRole('region', {
      name: 'Le programme a-t-il été évalué ?',
    });
    expect(value(evaluation, 'Retours après les séances')).toHaveTextContent('75 %');
  });

  it('shows the comments shared for the report, never a name', async () => {
    leadApi();
    renderScreen(<ReportScreen />, { locale: 'en' });
    const comments = await part('Comments shared for the report');
    const comment = within(comments).getByRole('article', {
      name: 'A mentee about their mentor, March 2026, rated 4 out of 4',
    });
    expect(comment).toHaveTextContent('Des exemples tirés de mes vrais tableaux.');
    expect(comment).not.toHaveTextContent('What to improve');
  });

  it('has every part with its figures and charts, each part after the first starting a printed page', async () => {
    leadApi();
    renderScreen(<ReportScreen />, { locale: 'en' });
    await part('Participation');
    const names = [
      'Participation',
      'Sessions',
      'Satisfaction and skills',
      'Approvals and informal help',
      'Comments shared for the report',
    ];
    for (const name of names) {
      expect(await part(name)).toHaveAttribute('data-print-break');
    }
    expect(await part('Key questions, answered with figures')).not.toHaveAttribute(
      'data-print-break',
    );
    expect(await part('Sessions')).toHaveTextContent('sessions chart');
    expect(await part('Satisfaction and skills')).toHaveTextContent(
      'chart: Average self-assessed level (1 to 5) at the start and at the end',
    );
    expect(document.documentElement).toHaveAttribute('data-print', 'report');
    // English throughout: the French « bilan » is the report here.
    expect(document.body).not.toHaveTextContent(/bilan/i);
    expect(await part('Key questions, answered with figures')).toHaveTextContent(
      'Participants asked to learn 5 of the catalogue’s 8 skills.',
    );
  });

  it('refreshes its figures on demand: a comment shared a minute ago shows without waiting 15 minutes', async () => {
    leadApi();
    const refreshed: string[] = [];
    const fresh = aReport({ generatedAt: '2026-05-10T16:30:00.000Z' });
    server.use(
      http.post(`*/api/programmes/${programmeId}/health/refresh`, () => {
        refreshed.push('refresh');
        server.use(
          http.get(`*/api/programmes/${programmeId}/report`, () => HttpResponse.json(fresh)),
        );
        return HttpResponse.json({});
      }),
    );
    renderScreen(<ReportScreen />, { locale: 'fr' });
    fireEvent.click(await screen.findByRole('button', { name: 'Actualiser' }));
    await waitFor(() => expect(refreshed).toEqual(['refresh']));
    expect(await screen.findByText(/Indicateurs du 10 mai 2026/)).toBeInTheDocument();
  });

  it('prints, and downloads the CSV in the tab’s language', async () => {
    const { csv } = leadApi();
    const print = vi.spyOn(window, 'print').mockImplementation(() => undefined);
    const created = vi.fn(() => 'blob:report');
    Object.assign(URL, { createObjectURL: created, revokeObjectURL: vi.fn() });
    renderScreen(<ReportScreen />, { locale: 'fr' });
    fireEvent.click(await screen.findByRole('button', { name: 'Imprimer ou enregistrer en PDF' }));
    expect(print).toHaveBeenCalledTimes(1);
    fireEvent.click(screen.getByRole('button', { name: 'Télécharger le CSV' }));
    await waitFor(() => expect(csv).toEqual(['?locale=fr']));
    await waitFor(() => expect(created).toHaveBeenCalledTimes(1));
  });

  it('says when the CSV cannot be downloaded', async () => {
    leadApi();
    server.use(
      http.get(`*/api/programmes/${programmeId}/report.csv`, () =>
        HttpResponse.json({ error: { code: 'forbidden', message: 'no' } }, { status: 403 }),
      ),
    );
    renderScreen(<ReportScreen />, { locale: 'en' });
    fireEvent.click(await screen.findByRole('button', { name: 'Download CSV' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('The CSV could not be downloaded');
  });
});
