import { fireEvent, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import type { ImportJob, ImportPreview } from '../../../../src/contracts/imports';
import ProgrammesScreen from '../../../../tab/src/screens/programmes/ProgrammesScreen';
import { aProgramme } from '../../../fixtures/builders';
import { aMe, aPersonCard, renderScreen, signedInAs, signOutEverywhere } from './render-screen';

/**
 * The import screen of a lead whose import the server stopped in the middle of (a crash): the job
 * comes back failed with an `interrupted` error (line 0, src/services/import/import-service.ts).
 * The lead reads how far it got and what to do, not a "line 0" of their file.
 */

const lead = aPersonCard({ id: 'p-5', displayName: 'Claire Dubois' });
const programme = aProgramme({ id: 'prog-1', name: 'Mentorat 2027' });
const csv = 'email,display name\nlea.roux@maison-lumiere.example,Léa Roux\n';
const stopped = 'The import stopped after 40 of 120 rows (the server restarted).';

const aJob = (overrides: Partial<ImportJob>): ImportJob => ({
  id: 'job-1',
  kind: 'participant_import',
  programmeId: programme.id,
  fileName: null,
  status: 'running',
  total: 120,
  processed: 0,
  created: 0,
  updated: 0,
  unchanged: 0,
  applied: [],
  errors: [],
  createdBy: lead.id,
  createdAt: '2026-03-02T09:00:00.000Z',
  updatedAt: '2026-03-02T09:00:00.000Z',
  finishedAt: null,
  ...overrides,
});

const preview: ImportPreview = {
  programmeId: programme.id,
  headers: [],
  fileIssues: [],
  rows: [
    {
      line: 2,
      email: 'lea.roux@maison-lumiere.example',
      displayName: 'Léa Roux',
      outcome: 'create',
      issues: [],
    },
  ],
  summary: { rows: 1, invalid: 0, create: 1, update: 0, unchanged: 0 },
  acceptable: true,
};

const server = setupServer(
  http.get('*/api/me', () =>
    HttpResponse.json(aMe({ person: lead, roles: ['participant', 'lead'] })),
  ),
  http.get('*/api/programmes', () =>
    HttpResponse.json({
      programmes: [
        {
          id: programme.id,
          name: programme.name,
          description: programme.description,
          startDate: programme.startDate,
          endDate: programme.endDate,
          status: programme.status,
          canManage: true,
          myStatus: 'not_joined',
        },
      ],
      canCreateProgrammes: true,
    }),
  ),
  http.get('*/api/programmes/prog-1', () =>
    HttpResponse.json({ canManage: true, programme, version: '"p1"' }),
  ),
  http.get('*/api/programmes/:id/retention', ({ params }) =>
    HttpResponse.json({
      programmeId: params.id,
      retentionMonths: 12,
      isDefault: true,
      closedAt: null,
      purgeAt: null,
      purgedAt: null,
      anonymousSummary: null,
      version: '"r1"',
    }),
  ),
  http.post('*/api/programmes/prog-1/imports/preview', () => HttpResponse.json(preview)),
  http.post('*/api/programmes/prog-1/imports', () =>
    HttpResponse.json({ job: aJob({}) }, { status: 202 }),
  ),
  // Cut short: the server was down (no answer), then the job is reported interrupted.
  http.get('*/api/jobs/job-1', () =>
    HttpResponse.json({
      job: aJob({
        status: 'failed',
        processed: 40,
        created: 40,
        errors: [
          {
            line: 0,
            email: '',
            code: 'interrupted',
            message: `${stopped} Import the same file again: rows already applied are left unchanged.`,
          },
        ],
      }),
    }),
  ),
);
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
beforeEach(() => signedInAs(lead.id, lead.displayName));
afterEach(() => {
  signOutEverywhere();
  window.history.replaceState(null, '', '/');
});
afterAll(() => server.close());

describe('an import the server stopped in the middle of', { timeout: 20_000 }, () => {
  it.each([
    {
      locale: 'en' as const,
      paste: 'Or paste the CSV text',
      check: 'Check',
      start: 'Import 1 row',
      title: 'Import interrupted',
      says: 'The server stopped after 40 of 120 rows.',
      retry: /Import the same file again to finish/,
    },
    {
      locale: 'fr' as const,
      paste: 'Ou collez le texte CSV',
      check: 'Vérifier',
      start: 'Importer 1 ligne',
      title: 'Import interrompu',
      says: 'Le serveur s’est arrêté après 40 lignes sur 120.',
      retry: /Importez à nouveau le même fichier pour terminer/,
    },
  ])(
    'says so in $locale, how far it got and to import the file again, without a line 0',
    async (t) => {
      window.history.replaceState(null, '', '/programmes?programme=prog-1&view=import');
      const user = userEvent.setup();
      renderScreen(<ProgrammesScreen />, { locale: t.locale });
      fireEvent.change(await screen.findByRole('textbox', { name: t.paste }), {
        target: { value: csv },
      });
      await user.click(screen.getByRole('button', { name: t.check }));
      await user.click(await screen.findByRole('button', { name: t.start }));

      const status = await screen.findByText(t.title, {}, { timeout: 5000 });
      const summary = status.closest('[role="status"]') as HTMLElement;
      expect(summary).toHaveTextContent(t.says);
      expect(summary).toHaveTextContent(t.retry);
      expect(summary).not.toHaveTextContent(/Line 0|Ligne 0/);
      expect(summary).not.toHaveTextContent(stopped);
    },
  );
});
