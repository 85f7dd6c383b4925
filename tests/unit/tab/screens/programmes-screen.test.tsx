import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import type { ImportJob, ImportPreview } from '../../../../src/contracts/imports';
import type {
  ProgrammeCreateBody,
  ProgrammeListResponse,
  ReadinessResponse,
} from '../../../../src/contracts/programmes';
import type { Programme } from '../../../../src/domain/programme';
import ProgrammesScreen from '../../../../tab/src/screens/programmes/ProgrammesScreen';
import { aProgramme } from '../../../fixtures/builders';
import { aMe, aPersonCard, renderScreen, signedInAs, signOutEverywhere } from './render-screen';

const lead = aPersonCard({
  id: 'p-5',
  displayName: 'Claire Dubois',
  department: 'Ressources humaines',
});
const leadMe = aMe({ person: lead, roles: ['participant', 'lead'], canCreateProgrammes: true });

function listOf(programmes: Programme[]): ProgrammeListResponse {
  return {
    programmes: programmes.map((p) => ({
      id: p.id,
      name: p.name,
      description: p.description,
      startDate: p.startDate,
      endDate: p.endDate,
      status: p.status,
      canManage: true,
      myStatus: 'not_joined',
    })),
    canCreateProgrammes: true,
  };
}

/** Programme routes over one programme, like the API: ETag versions, status moves, readiness. */
function programmeApi(initial: Programme) {
  const state = { programme: initial, version: '"p1"', moves: [] as unknown[] };
  const path = `*/api/programmes/${initial.id}`;
  return {
    state,
    handlers: [
      http.get('*/api/me', () => HttpResponse.json(leadMe)),
      http.get('*/api/programmes', () => HttpResponse.json(listOf([state.programme]))),
      http.get(path, () =>
        HttpResponse.json({ canManage: true, programme: state.programme, version: state.version }),
      ),
      http.post(`${path}/status`, async ({ request }) => {
        const body = (await request.json()) as { to: Programme['status']; version: string };
        state.moves.push(body);
        state.programme = { ...state.programme, status: body.to };
        state.version = '"p2"';
        return HttpResponse.json({
          canManage: true,
          programme: state.programme,
          version: state.version,
        });
      }),
    ],
  };
}

// Every programme's page shows how long it keeps personal data (RetentionPanel): the default here.
const server = setupServer(
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
);
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
beforeEach(() => signedInAs(lead.id, lead.displayName));
afterEach(() => {
  server.resetHandlers();
  signOutEverywhere();
  window.history.replaceState(null, '', '/');
});
afterAll(() => server.close());

describe('programmes, for leads', { timeout: 20_000 }, () => {
  it('tells an employee that this part is for programme leads', async () => {
    server.use(http.get('*/api/me', () => HttpResponse.json(aMe())));
    renderScreen(<ProgrammesScreen />, { locale: 'fr' });
    expect(
      await screen.findByText(
        'Cette partie de Mentoring est réservée aux responsables de programme.',
      ),
    ).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Nouveau programme' })).not.toBeInTheDocument();
  });

  it('writes the dates in British English like the rest of the product', async () => {
    const programme = aProgramme({
      id: 'prog-1',
      name: 'Mentorat 2027',
      startDate: '2027-01-11',
      endDate: '2027-06-30',
    });
    server.use(...programmeApi(programme).handlers);
    renderScreen(<ProgrammesScreen />, { locale: 'en' });

    const row = (await screen.findByRole('link', { name: 'Mentorat 2027' })).closest('tr');
    expect(row).toHaveTextContent('11 Jan 2027');
    expect(row).toHaveTextContent('30 Jun 2027');
    expect(row).not.toHaveTextContent('Jan 11, 2027');
  });

  it('names the missing date in the summary: start or end, not twice « Choisissez une date »', async () => {
    server.use(
      http.get('*/api/me', () => HttpResponse.json(leadMe)),
      http.get('*/api/programmes', () => HttpResponse.json(listOf([]))),
    );
    const user = userEvent.setup();
    renderScreen(<ProgrammesScreen />, { locale: 'fr' });

    await user.click(await screen.findByRole('button', { name: 'Nouveau programme' }));
    await user.click(screen.getByRole('button', { name: 'Créer le programme' }));

    const alert = await screen.findByText("Le programme n'a pas été enregistré. Vérifiez :");
    const items = within(alert.closest('[role="alert"]') as HTMLElement)
      .getAllByRole('listitem')
      .map((item) => item.textContent);
    expect(items).toEqual([
      'Donnez un nom au programme.',
      'Choisissez la date de début.',
      'Choisissez la date de fin.',
    ]);
  });

  it('creates a programme after explaining what is wrong, with a bilingual catalogue', async () => {
    const created: ProgrammeCreateBody[] = [];
    const draft = aProgramme({ id: 'prog-new', name: 'Pilote 2027', status: 'draft', skills: [] });
    const api = programmeApi(draft);
    server.use(
      http.post('*/api/programmes', async ({ request }) => {
        created.push((await request.json()) as ProgrammeCreateBody);
        return HttpResponse.json(
          { canManage: true, programme: draft, version: '"p1"' },
          { status: 201 },
        );
      }),
      http.get('*/api/programmes', () => HttpResponse.json(listOf([]))),
      ...api.handlers,
    );
    const user = userEvent.setup();
    renderScreen(<ProgrammesScreen />, { locale: 'en' });

    await user.click(await screen.findByRole('button', { name: 'New programme' }));
    fireEvent.change(screen.getByLabelText(/Start date/), { target: { value: '2027-03-01' } });
    fireEvent.change(screen.getByLabelText(/End date/), { target: { value: '2027-01-31' } });
    await user.click(screen.getByRole('button', { name: 'Add a skill' }));
    await user.click(screen.getByRole('button', { name: 'Create the programme' }));

    const alert = await screen.findByText('The programme was not saved. Please check:');
    const summary = alert.closest('[role="alert"]') as HTMLElement;
    expect(summary).toHaveTextContent('Give the programme a name.');
    expect(summary).toHaveTextContent('The end date must be on or after the start date.');
    expect(summary).toHaveTextContent('Skill 1: Enter the name in this language.');
    expect(created).toHaveLength(0);

    await user.click(screen.getByRole('textbox', { name: /^Name/ }));
    await user.paste('Pilote 2027');
    fireEvent.change(screen.getByLabelText(/End date/), { target: { value: '2027-06-30' } });
    await user.click(screen.getByRole('textbox', { name: 'Skill 1, French name' }));
    await user.paste('Tableaux croisés');
    await user.click(screen.getByRole('textbox', { name: 'Skill 1, English name' }));
    await user.paste('Pivot tables');
    expect(screen.getByText('Identifier: pivot-tables')).toBeInTheDocument();
    await user.selectOptions(screen.getByRole('combobox', { name: 'Skill 1, kind' }), 'digital');
    await user.click(screen.getByRole('button', { name: 'Create the programme' }));

    expect(
      await screen.findByText('The programme is created as a draft. Next, bring participants in.'),
    ).toBeInTheDocument();
    expect(created[0]).toMatchObject({
      name: 'Pilote 2027',
      startDate: '2027-03-01',
      endDate: '2027-06-30',
      skills: [
        {
          id: 'pivot-tables',
          label: { fr: 'Tableaux croisés', en: 'Pivot tables' },
          kind: 'digital',
        },
      ],
      frame: { sessions: 6, durationMinutes: 60, frequency: 'biweekly', place: 'online' },
      managerApprovalRequired: true,
      weights: { teach: 0.35, reciprocity: 0.2 },
    });
    expect(
      screen.getByRole('tab', { name: 'Import participants', selected: true }),
    ).toBeInTheDocument();
  });

  it('says so when a lead opens a programme they do not lead', async () => {
    const programme = aProgramme({ id: 'prog-other', name: 'Autre programme' });
    window.history.replaceState(null, '', '/programmes?programme=prog-other&view=settings');
    server.use(
      http.get('*/api/me', () => HttpResponse.json(leadMe)),
      http.get('*/api/programmes/prog-other', () =>
        HttpResponse.json({ canManage: false, programme }),
      ),
    );
    renderScreen(<ProgrammesScreen />, { locale: 'fr' });
    expect(
      await screen.findByText('Vous n’avez pas le droit de faire cette action.'),
    ).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Retour aux programmes' })).toBeInTheDocument();
  });

  it('keeps the id a new skill was saved with when it is renamed afterwards', async () => {
    const api = programmeApi(aProgramme({ id: 'prog-1', name: 'Mentorat 2027', skills: [] }));
    const puts: { skills: { id: string; label: { en: string } }[] }[] = [];
    server.use(
      http.put('*/api/programmes/prog-1', async ({ request }) => {
        const body = (await request.json()) as Programme & { version?: string };
        puts.push(body);
        api.state.programme = { ...api.state.programme, skills: body.skills };
        api.state.version = `"p${puts.length + 1}"`;
        return HttpResponse.json({
          canManage: true,
          programme: api.state.programme,
          version: api.state.version,
        });
      }),
      ...api.handlers,
    );
    window.history.replaceState(null, '', '/programmes?programme=prog-1&view=settings');
    const user = userEvent.setup();
    renderScreen(<ProgrammesScreen />, { locale: 'en' });

    await user.click(await screen.findByRole('button', { name: 'Add a skill' }));
    await user.click(screen.getByRole('textbox', { name: 'Skill 1, French name' }));
    await user.paste('Visualisation');
    await user.click(screen.getByRole('textbox', { name: 'Skill 1, English name' }));
    await user.paste('Data viz');
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    await screen.findByText('The programme is saved.');
    expect(
      screen.getByText('Identifier: data-viz (fixed, profiles refer to it)'),
    ).toBeInTheDocument();

    const english = screen.getByRole('textbox', { name: 'Skill 1, English name' });
    await user.clear(english);
    await user.paste('Data visualisation');
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    await waitFor(() => expect(puts).toHaveLength(2));
    expect(puts[1]?.skills[0]).toMatchObject({
      id: 'data-viz',
      label: { en: 'Data visualisation' },
    });
  });

  it('moves a programme to enrolling only after confirming, with its version', async () => {
    const api = programmeApi(aProgramme({ id: 'prog-1', name: 'Mentorat 2027', status: 'draft' }));
    server.use(...api.handlers);
    renderScreen(<ProgrammesScreen />, { locale: 'fr' });

    fireEvent.click(await screen.findByRole('link', { name: 'Mentorat 2027' }));
    expect(await screen.findByText('Brouillon')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Ouvrir les inscriptions' }));
    const dialog = await screen.findByRole('dialog', { name: 'Ouvrir les inscriptions ?' });
    expect(api.state.moves).toHaveLength(0);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Ouvrir les inscriptions' }));

    const badge = await screen.findByText('Inscriptions ouvertes');
    // On one line: wrapped in a narrow tab, the label spilled out of the badge.
    expect(getComputedStyle(badge).whiteSpace).toBe('nowrap');
    expect(api.state.moves).toEqual([{ to: 'enrolling', version: '"p1"' }]);
    expect(screen.getByRole('button', { name: 'Constituer les binômes' })).toBeInTheDocument();
  });

  const launchReadiness = (launch: ReadinessResponse['launch']): ReadinessResponse => ({
    programmeId: 'prog-1',
    status: 'matching',
    participants: {
      active: 20,
      incomplete: 0,
      byRole: { mentor: 10, mentee: 10, both: 0 },
      byStatus: { not_joined: launch.notJoined, opted_in: 20, paused: 0, left: 0 },
      departments: 4,
    },
    skills: [],
    warnings: [],
    ready: true,
    launch,
  });

  it('shows the steps and points to Matching; no launch before a matching run is published', async () => {
    const api = programmeApi(
      aProgramme({ id: 'prog-1', name: 'Mentorat 2027', status: 'matching' }),
    );
    server.use(
      ...api.handlers,
      http.get('*/api/programmes/prog-1/readiness', () =>
        HttpResponse.json(
          launchReadiness({
            publishedRun: false,
            unansweredProposals: 0,
            unmatched: 20,
            notJoined: 3,
          }),
        ),
      ),
    );
    window.history.replaceState(null, '', '/programmes?programme=prog-1');
    renderScreen(<ProgrammesScreen />, { locale: 'fr' });

    const steps = await screen.findByRole('list', { name: 'Où en est le programme' });
    const items = within(steps).getAllByRole('listitem');
    expect(items.map((li) => li.textContent)).toEqual([
      '✓ Préparation (terminé)',
      '✓ Inscriptions (terminé)',
      'Constitution des binômes',
      'En cours',
      'Clôturé',
    ]);
    expect(items[2]).toHaveAttribute('aria-current', 'step');
    expect(screen.getByRole('link', { name: 'Ouvrir l’appariement' })).toHaveAttribute(
      'href',
      '/matching?programme=prog-1',
    );

    const launch = screen.getByRole('button', { name: 'Lancer le programme' });
    expect(
      await screen.findByText(/calculez d'abord les binômes et publiez-les/),
    ).toBeInTheDocument();
    expect(launch).toHaveAttribute('aria-disabled', 'true');
    expect(launch).toHaveAccessibleDescription(/calculez d'abord les binômes/);
    fireEvent.click(launch);
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });

  it('says in the launch dialog what the launch leaves: unanswered, unmatched, not joined', async () => {
    const api = programmeApi(
      aProgramme({ id: 'prog-1', name: 'Mentorat 2027', status: 'matching' }),
    );
    server.use(
      ...api.handlers,
      http.get('*/api/programmes/prog-1/readiness', () =>
        HttpResponse.json(
          launchReadiness({
            publishedRun: true,
            unansweredProposals: 5,
            unmatched: 9,
            notJoined: 3,
          }),
        ),
      ),
    );
    window.history.replaceState(null, '', '/programmes?programme=prog-1');
    renderScreen(<ProgrammesScreen />, { locale: 'en' });

    const launch = await screen.findByRole('button', { name: 'Start the programme' });
    await waitFor(() => expect(launch).not.toHaveAttribute('aria-disabled'));
    fireEvent.click(launch);
    const dialog = await screen.findByRole('dialog', { name: 'Start the programme?' });
    expect(
      within(dialog)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual([
      '5 published proposals are still unanswered;',
      '9 active participants have no proposal or pair;',
      '3 invitees have not joined.',
    ]);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Start the programme' }));
    await waitFor(() => expect(api.state.moves).toEqual([{ to: 'running', version: '"p1"' }]));
  });

  it('shows readiness: participants by role, supply against demand as a table, warnings', async () => {
    const programme = aProgramme({ id: 'prog-1', name: 'Mentorat 2027' });
    const readiness: ReadinessResponse = {
      programmeId: programme.id,
      status: 'enrolling',
      participants: {
        active: 7,
        incomplete: 2,
        byRole: { mentor: 5, mentee: 1, both: 1 },
        byStatus: { not_joined: 3, opted_in: 6, paused: 1, left: 0 },
        departments: 4,
      },
      skills: [
        {
          skillId: 'power-bi',
          label: { fr: 'Power BI', en: 'Power BI' },
          kind: 'digital',
          teachers: 3,
          learners: 1,
        },
        {
          skillId: 'negotiation',
          label: { fr: 'Négociation', en: 'Negotiation' },
          kind: 'know_how',
          teachers: 0,
          learners: 2,
        },
      ],
      warnings: [
        { code: 'too_few_participants', params: { count: 7, minimum: 10 } },
        { code: 'incomplete_profiles', params: { count: 2 } },
        { code: 'skill_without_teacher', params: { skillId: 'negotiation', learners: 2 } },
        { code: 'one_sided_cohort', params: { mentors: 6, mentees: 2, missing: 'mentee' } },
      ],
      ready: false,
      launch: { publishedRun: false, unansweredProposals: 0, unmatched: 7, notJoined: 3 },
    };
    window.history.replaceState(null, '', '/programmes?programme=prog-1&view=readiness');
    server.use(
      ...programmeApi(programme).handlers,
      http.get('*/api/programmes/prog-1/readiness', () => HttpResponse.json(readiness)),
    );
    renderScreen(<ProgrammesScreen />, { locale: 'en' });

    const table = await screen.findByRole('table', {
      name: 'Skills: who can teach, who wants to learn',
    });
    const negotiation = within(table).getByRole('row', { name: /Negotiation/ });
    expect(
      within(negotiation)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['Know-how', '0', '2', '2 teachers missing']);
    expect(
      screen.getByText('Only 7 active participants: about 10 are needed for varied pairs.'),
    ).toBeInTheDocument();
    expect(
      screen.getByText('2 people want to learn Negotiation, but nobody can teach it.'),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/The cohort is one-sided: 2 possible mentees for 6 possible mentors/),
    ).toBeInTheDocument();
    expect(screen.getByText('Wish to be mentors').nextElementSibling).toHaveTextContent('5');
    expect(
      screen.getByText('Incomplete profiles (cannot be matched yet)').nextElementSibling,
    ).toHaveTextContent('2');
    expect(
      screen.getByText(
        '2 active participants cannot be matched yet: their profiles name no skill for their role or no hours available. Remind them to complete them.',
      ),
    ).toBeInTheDocument();

    // On a narrow tab the table scrolls in its own focusable region, not the page; the section
    // tabs wrap.
    const scroller = screen.getByRole('region', {
      name: 'Skills: who can teach, who wants to learn',
    });
    expect(scroller).toContainElement(table);
    expect(scroller).toHaveAttribute('tabindex', '0');
    expect(getComputedStyle(scroller).overflowX).toBe('auto');
    expect(getComputedStyle(screen.getByRole('tablist')).flexWrap).toBe('wrap');
  });
});

describe('CSV import', { timeout: 20_000 }, () => {
  const programme = aProgramme({ id: 'prog-1', name: 'Mentorat 2027' });
  const csv = [
    'email,display name,department,manager email,role wish,languages',
    'lea.roux@maison-lumiere.example,Léa Roux,Ventes,,mentor,fr',
    'not-an-email,Bad Row,Ventes,,mentor,fr',
    'hugo.fournier@maison-lumiere.example,Hugo Fournier,Ventes,,both,fr;en',
    '',
  ].join('\n');
  const issue = {
    code: 'email_invalid' as const,
    column: 'email' as const,
    params: { value: 'not-an-email' },
    message: {
      fr: '« not-an-email » n’est pas une adresse e-mail.',
      en: '“not-an-email” is not an e-mail address.',
    },
    severity: 'error' as const,
  };
  const preview = (rows: ImportPreview['rows']): ImportPreview => ({
    programmeId: programme.id,
    headers: [],
    fileIssues: [],
    rows,
    summary: {
      rows: rows.length,
      invalid: rows.filter((r) => r.outcome === 'invalid').length,
      create: rows.filter((r) => r.outcome === 'create').length,
      update: 0,
      unchanged: rows.filter((r) => r.outcome === 'unchanged').length,
    },
    acceptable: rows.every((r) => r.outcome !== 'invalid'),
  });
  const aJob = (overrides: Partial<ImportJob>): ImportJob => ({
    id: 'job-1',
    kind: 'participant_import',
    programmeId: programme.id,
    fileName: null,
    status: 'running',
    total: 2,
    processed: 0,
    created: 0,
    updated: 0,
    unchanged: 0,
    applied: [],
    errors: [],
    createdBy: 'p-5',
    createdAt: '2026-03-02T09:00:00.000Z',
    updatedAt: '2026-03-02T09:00:00.000Z',
    finishedAt: null,
    ...overrides,
  });

  it('previews row errors in plain words and imports the valid rows only when the lead says so', async () => {
    const sent: string[] = [];
    const polls = [
      aJob({ processed: 1 }),
      aJob({
        status: 'succeeded',
        processed: 2,
        created: 2,
        finishedAt: '2026-03-02T09:00:01.000Z',
      }),
    ];
    window.history.replaceState(null, '', '/programmes?programme=prog-1&view=import');
    server.use(
      ...programmeApi(programme).handlers,
      http.post('*/api/programmes/prog-1/imports/preview', () =>
        HttpResponse.json(
          preview([
            {
              line: 2,
              email: 'lea.roux@maison-lumiere.example',
              displayName: 'Léa Roux',
              outcome: 'create',
              issues: [],
            },
            {
              line: 3,
              email: 'not-an-email',
              displayName: 'Bad Row',
              outcome: 'invalid',
              issues: [issue],
            },
            {
              line: 4,
              email: 'hugo.fournier@maison-lumiere.example',
              displayName: 'Hugo Fournier',
              outcome: 'create',
              issues: [],
            },
          ]),
        ),
      ),
      http.post('*/api/programmes/prog-1/imports', async ({ request }) => {
        sent.push(((await request.json()) as { csv: string }).csv);
        return HttpResponse.json({ job: aJob({}) }, { status: 202 });
      }),
      http.get('*/api/jobs/job-1', () =>
        HttpResponse.json({
          job: polls.shift() ?? aJob({ status: 'succeeded', processed: 2, created: 2 }),
        }),
      ),
    );
    const user = userEvent.setup();
    renderScreen(<ProgrammesScreen />, { locale: 'fr' });

    const template = await screen.findByRole('link', { name: 'Télécharger un modèle CSV' });
    expect(template).toHaveAttribute('download', 'modele-participants.csv');
    expect(decodeURIComponent(template.getAttribute('href')!)).toContain(
      'courriel;nom;département;courriel du responsable;rôle souhaité;langues',
    );
    expect(template).toHaveAccessibleDescription(/Colonnes : courriel et nom \(obligatoires\)/);

    fireEvent.change(await screen.findByRole('textbox', { name: 'Ou collez le texte CSV' }), {
      target: { value: csv },
    });
    await user.click(screen.getByRole('button', { name: 'Vérifier' }));

    const table = await screen.findByRole('table', { name: 'Aperçu' });
    const bad = within(table).getByRole('row', { name: /not-an-email/ });
    expect(bad).toHaveTextContent('3');
    expect(bad).toHaveTextContent('« not-an-email » n’est pas une adresse e-mail.');
    expect(
      screen.getByText(/3 lignes : 2 à ajouter, 0 à mettre à jour, 0 inchangées, 1 en erreur/),
    ).toBeInTheDocument();
    // Disabled until the lead leaves the bad row out, and counting only the rows that would go in.
    const start = screen.getByRole('button', { name: 'Importer les 2 lignes valides' });
    expect(start).toBeDisabled();
    expect(screen.queryByRole('button', { name: 'Importer 3 lignes' })).not.toBeInTheDocument();

    await user.click(
      screen.getByRole('checkbox', {
        name: 'Importer seulement les lignes valides (2) et laisser de côté les lignes en erreur (1)',
      }),
    );
    await user.click(screen.getByRole('button', { name: 'Importer les 2 lignes valides' }));

    expect(await screen.findByRole('progressbar')).toBeInTheDocument();
    expect(sent[0]).not.toContain('not-an-email');
    expect(sent[0]).toContain('lea.roux@maison-lumiere.example');
    expect(sent[0]).toContain('hugo.fournier@maison-lumiere.example');
    expect(await screen.findByText('Import terminé', {}, { timeout: 3000 })).toBeInTheDocument();
    expect(screen.getByText('2 ajoutées, 0 mises à jour, 0 inchangées.')).toBeInTheDocument();
  });

  it('shows the new preview when the server refuses the import of a file that changed meanwhile', async () => {
    window.history.replaceState(null, '', '/programmes?programme=prog-1&view=import');
    const clean = preview([
      {
        line: 2,
        email: 'lea.roux@maison-lumiere.example',
        displayName: 'Léa Roux',
        outcome: 'create',
        issues: [],
      },
    ]);
    const now = preview([
      {
        line: 2,
        email: 'lea.roux@maison-lumiere.example',
        displayName: 'Léa Roux',
        outcome: 'invalid',
        issues: [issue],
      },
    ]);
    server.use(
      ...programmeApi(programme).handlers,
      http.post('*/api/programmes/prog-1/imports/preview', () => HttpResponse.json(clean)),
      http.post('*/api/programmes/prog-1/imports', () =>
        HttpResponse.json(
          { error: { code: 'validation_failed', message: 'refused', details: { preview: now } } },
          { status: 400 },
        ),
      ),
    );
    const user = userEvent.setup();
    renderScreen(<ProgrammesScreen />, { locale: 'en' });

    fireEvent.change(await screen.findByRole('textbox', { name: 'Or paste the CSV text' }), {
      target: { value: csv },
    });
    await user.click(screen.getByRole('button', { name: 'Check' }));
    await user.click(await screen.findByRole('button', { name: 'Import 1 row' }));

    expect(
      await screen.findByText('The file was refused: rows have errors. See the preview below.'),
    ).toBeInTheDocument();
    expect(screen.getByText('“not-an-email” is not an e-mail address.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'No valid row to import' })).toBeDisabled();
  });

  it('refuses a file over 2 MB before sending it, saying how big it is', async () => {
    window.history.replaceState(null, '', '/programmes?programme=prog-1&view=import');
    server.use(...programmeApi(programme).handlers);
    const user = userEvent.setup();
    renderScreen(<ProgrammesScreen />, { locale: 'en' });

    const big = `${csv}${'x'.repeat(2.5 * 1024 * 1024)}`;
    const file = new File([big], 'everyone.csv', { type: 'text/csv' });
    await user.upload(await screen.findByLabelText('CSV file'), file);

    expect(
      await screen.findByText(
        'This file is 2.5 MB: files of 2 MB at most can be imported. Split it into smaller files.',
      ),
    ).toBeInTheDocument();
  });

  it('says there is nothing to change when the same file is imported again', async () => {
    window.history.replaceState(null, '', '/programmes?programme=prog-1&view=import');
    server.use(
      ...programmeApi(programme).handlers,
      http.post('*/api/programmes/prog-1/imports/preview', () =>
        HttpResponse.json(
          preview([
            {
              line: 2,
              email: 'lea.roux@maison-lumiere.example',
              displayName: 'Léa Roux',
              outcome: 'unchanged',
              issues: [],
            },
          ]),
        ),
      ),
      http.post('*/api/programmes/prog-1/imports', () =>
        HttpResponse.json({ job: aJob({ total: 1 }) }, { status: 202 }),
      ),
      http.get('*/api/jobs/job-1', () =>
        HttpResponse.json({
          job: aJob({ status: 'succeeded', total: 1, processed: 1, unchanged: 1 }),
        }),
      ),
    );
    const user = userEvent.setup();
    renderScreen(<ProgrammesScreen />, { locale: 'en' });

    const file = new File([csv], 'participants.csv', { type: 'text/csv' });
    await user.upload(await screen.findByLabelText('CSV file'), file);
    expect(await screen.findByText(/File: participants.csv/)).toBeInTheDocument();
    await user.click(await screen.findByRole('button', { name: 'Import 1 row' }));

    const done = await screen.findByText('Nothing to change: this file is already imported.');
    await waitFor(() => expect(done.closest('[tabindex="-1"]')).toHaveFocus());
  });
});
