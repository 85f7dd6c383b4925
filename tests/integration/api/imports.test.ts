import { readFileSync } from 'node:fs';
import type { ImportJob, ImportPreview } from '../../../src/contracts/imports';
import { personIdFor } from '../../../src/services/import/import-service';
import type { PeopleRepository } from '../../../src/store/people-repository';
import type { ProfileRepository } from '../../../src/store/profile-repository';
import { demoPersonId, demoProgrammeId } from '../../../src/local/seed/demo-data';
import { startTestApp, type TestApp } from '../../support/app-server';
import { apiClient, errorCode, type ApiReply } from './api-client';

const tenantId = '11111111-2222-4333-8444-555555555555';
const claire = demoPersonId(5);
const imports = `/api/programmes/${demoProgrammeId}/imports`;

const goodCsv = [
  'email,display name,department,manager email,role wish,languages',
  'nadia.kaci@maison-lumiere.example,Nadia Kaci,Informatique,marc.dupont@maison-lumiere.example,mentor,fr;en',
  'paul.renard@maison-lumiere.example,Paul Renard,Finance,nadia.kaci@maison-lumiere.example,mentee,fr',
  // An existing person of the directory: moved to another department.
  'emma.petit@maison-lumiere.example,Emma Petit,Contrôle de gestion,,,',
  '"sofia.mendes@maison-lumiere.example","Mendes, Sofia",Marketing,,both,"pt, en"',
].join('\n');

describe('CSV import of participants', () => {
  let app: TestApp;
  let api: ReturnType<typeof apiClient>;
  let lead: string;
  let people: PeopleRepository;
  let profiles: ProfileRepository;

  beforeAll(async () => {
    app = await startTestApp({ env: { LOCAL_SNAPSHOT: 'false' } });
    api = apiClient(app.baseUrl);
    lead = await api.signIn(claire);
    people = app.repos.people;
    profiles = app.repos.profiles;
  });
  afterAll(async () => {
    await app?.stop();
  });

  const waitForJob = async (id: string): Promise<ImportJob> => {
    for (let i = 0; i < 200; i++) {
      const reply = await api.call<{ job: ImportJob }>('GET', `/api/jobs/${id}`, { token: lead });
      expect(reply.status).toBe(200);
      if (reply.body.job.status === 'succeeded' || reply.body.job.status === 'failed') {
        return reply.body.job;
      }
      await new Promise((r) => setTimeout(r, 25));
    }
    throw new Error(`job ${id} did not finish`);
  };

  const snapshot = async () => {
    const everyone = await people.all(tenantId);
    const all = await profiles.query(tenantId);
    return new Map([
      ...everyone.map((p) => [`person:${p.value.id}`, p.etag] as const),
      ...all.map((p) => [`profile:${p.value.id}`, p.etag] as const),
    ]);
  };

  it('previews a file with a bad row: each problem in plain French and English, nothing written', async () => {
    const before = await snapshot();
    const csv = [
      goodCsv,
      'not-an-email,Quelqu’un,Ventes,,mentor,fr',
      'leo.dumas@maison-lumiere.example,Léo Dumas,Ventes,inconnu@maison-lumiere.example,chef,fr',
      'nadia.kaci@maison-lumiere.example,Nadia Kaci bis,Informatique,,mentor,klingon',
    ].join('\n');
    const reply = await api.call<ImportPreview>('POST', `${imports}/preview`, {
      token: lead,
      raw: csv,
      type: 'text/csv',
    });
    expect(reply.status).toBe(200);
    const preview = reply.body;
    expect(preview.acceptable).toBe(false);
    expect(preview.summary).toMatchObject({ rows: 7, invalid: 3, create: 3, update: 1 });
    const byLine = new Map(preview.rows.map((r) => [r.line, r]));
    expect(byLine.get(2)?.outcome).toBe('create');
    expect(byLine.get(4)?.outcome).toBe('update');
    expect(byLine.get(6)?.issues.map((i) => i.code)).toEqual(['email_invalid']);
    expect(byLine.get(6)?.issues[0]?.message).toEqual({
      fr: '« not-an-email » n’est pas une adresse e-mail.',
      en: '"not-an-email" is not an email address.',
    });
    expect(
      byLine
        .get(7)
        ?.issues.map((i) => i.code)
        .sort(),
    ).toEqual(['manager_unknown', 'role_wish_invalid']);
    expect(
      byLine
        .get(8)
        ?.issues.map((i) => i.code)
        .sort(),
    ).toEqual(['email_duplicate', 'language_invalid']);
    expect(await snapshot()).toEqual(before);

    // Committing the same file is refused as a whole, with the same row errors.
    const commit = await api.call<{
      error: { message: string; details: { preview: ImportPreview } };
    }>('POST', imports, { token: lead, json: { csv, fileName: 'participants.csv' } });
    expect(commit.status).toBe(400);
    expect(errorCode(commit)).toBe('validation_failed');
    expect(commit.body.error.details.preview.summary.invalid).toBe(3);
    expect(commit.body.error.message).toBe(
      'The file cannot be imported: 3 rows have errors. Nothing was imported.',
    );
    expect(await snapshot()).toEqual(before);
  });

  it('imports in the background with progress; re-importing the same file changes nothing', async () => {
    const started = await api.call<{ job: ImportJob }>('POST', imports, {
      token: lead,
      raw: goodCsv,
      type: 'text/csv; charset=utf-8',
      headers: { 'x-file-name': encodeURIComponent('équipe.csv') },
    });
    expect(started.status).toBe(202);
    expect(started.body.job).toMatchObject({ total: 4, fileName: 'équipe.csv' });
    const job = await waitForJob(started.body.job.id);
    expect(job).toMatchObject({
      status: 'succeeded',
      processed: 4,
      created: 3,
      updated: 1,
      unchanged: 0,
      errors: [],
    });
    expect(job.applied.map((a) => a.line)).toEqual([2, 3, 4, 5]);

    const nadiaId = personIdFor(tenantId, 'nadia.kaci@maison-lumiere.example');
    const nadia = await people.get(tenantId, nadiaId);
    expect(nadia.value).toMatchObject({
      displayName: 'Nadia Kaci',
      department: 'Informatique',
      managerId: demoPersonId(27),
    });
    const paul = await people.get(
      tenantId,
      personIdFor(tenantId, 'paul.renard@maison-lumiere.example'),
    );
    expect(paul.value.managerId).toBe(nadiaId);
    const emma = await people.get(tenantId, demoPersonId(10));
    expect(emma.value.department).toBe('Contrôle de gestion');
    const nadiaProfile = await profiles.get(tenantId, nadiaId);
    // Volunteers only: an import invites, it never opts anyone in.
    expect(nadiaProfile.value).toMatchObject({
      programmeId: demoProgrammeId,
      roleWish: 'mentor',
      languages: ['fr', 'en'],
      optIn: { status: 'not_joined' },
    });
    const sofia = await profiles.get(
      tenantId,
      personIdFor(tenantId, 'sofia.mendes@maison-lumiere.example'),
    );
    expect(sofia.value.languages).toEqual(['pt', 'en']);
    // Emma had already opted in: her own profile is left as she made it.
    expect((await profiles.get(tenantId, demoPersonId(10))).value.optIn.status).toBe('opted_in');

    const before = await snapshot();
    const preview = await api.call<ImportPreview>('POST', `${imports}/preview`, {
      token: lead,
      json: { csv: goodCsv },
    });
    expect(preview.body.summary).toMatchObject({ rows: 4, unchanged: 4, create: 0, update: 0 });
    const again = await api.call<{ job: ImportJob }>('POST', imports, {
      token: lead,
      json: { csv: goodCsv },
    });
    const second = await waitForJob(again.body.job.id);
    expect(second).toMatchObject({ status: 'succeeded', unchanged: 4, created: 0, updated: 0 });
    expect(await snapshot()).toEqual(before);

    const history = await api.call<{ jobs: ImportJob[] }>('GET', imports, { token: lead });
    expect(history.body.jobs.map((j) => j.id)).toEqual([second.id, job.id]);
  });

  it('reads French headers, semicolons and a BOM, as Excel writes them', async () => {
    const csv =
      '\uFEFFCourriel;Nom affiché;Service;E-mail du manager;Rôle souhaité;Langues\n' +
      'ines.haddad@maison-lumiere.example;Inès Haddad;Ventes;sylvie.garnier@maison-lumiere.example;Mentorée;français\n';
    const reply = await api.call<ImportPreview>('POST', `${imports}/preview`, {
      token: lead,
      raw: csv,
      type: 'text/csv',
    });
    expect(reply.body.headers.map((h) => h.column)).toEqual([
      'email',
      'displayName',
      'department',
      'managerEmail',
      'roleWish',
      'languages',
    ]);
    expect(reply.body).toMatchObject({ acceptable: true, summary: { create: 1, invalid: 0 } });
  });

  it('reads a Windows-1252 file from French Excel with its accents, and imports the names right', async () => {
    const bytes = readFileSync(
      new URL('../../fixtures/csv/participants-windows-1252.csv', import.meta.url),
    );
    // Really Windows-1252: « é » is the single byte 0xE9, which is not valid UTF-8.
    expect(bytes.includes(0xe9)).toBe(true);
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
    const send = (path: string) =>
      fetch(`${app.baseUrl}${path}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${lead}`, 'content-type': 'text/csv' },
        body: bytes,
      });
    const preview = (await (await send(`${imports}/preview`)).json()) as ImportPreview;
    expect(preview).toMatchObject({ acceptable: true, summary: { create: 2, invalid: 0 } });
    expect(preview.headers.map((h) => h.header)).toContain('Nom affiché');
    expect(preview.rows.map((r) => r.displayName)).toEqual(['Hélène Leclerc', 'François Noël']);
    const started = await send(imports);
    expect(started.status).toBe(202);
    const { job } = (await started.json()) as { job: ImportJob };
    expect((await waitForJob(job.id)).status).toBe('succeeded');
    const everyone = await people.all(tenantId);
    const helene = everyone.find((p) => p.value.email === 'helene.leclerc@maison-lumiere.example');
    expect(helene?.value).toMatchObject({
      displayName: 'Hélène Leclerc',
      department: 'Systèmes d’information',
    });
  });

  it('refuses a JSON upload whose text lost its accents to a wrong encoding, saying why', async () => {
    const garbled = readFileSync(
      new URL('../../fixtures/csv/participants-windows-1252.csv', import.meta.url),
    ).toString('utf8');
    expect(garbled).toContain('\uFFFD');
    const reply = await api.call('POST', `${imports}/preview`, {
      token: lead,
      json: { csv: garbled },
    });
    expect(reply.status).toBe(400);
    expect(errorCode(reply)).toBe('validation_failed');
    expect(JSON.stringify(reply.body)).toContain('read with the wrong encoding');
  });

  it('refuses a file without the required columns, naming them', async () => {
    const reply = await api.call<ImportPreview>('POST', `${imports}/preview`, {
      token: lead,
      raw: 'mail address,team\nx@y.z,A\n',
      type: 'text/csv',
    });
    expect(reply.body.acceptable).toBe(false);
    expect(reply.body.fileIssues.map((i) => [i.code, i.column])).toEqual([
      ['column_unknown', null],
      ['column_unknown', null],
      ['column_missing', 'email'],
      ['column_missing', 'displayName'],
    ]);
  });

  it('shows a job whose process stopped as failed, saying what was applied and what to do', async () => {
    const jobs = app.repos.importJobs;
    const long = new Date(Date.now() - 10 * 60 * 1000).toISOString();
    await jobs.create({
      id: 'import-interrupted',
      tenantId,
      kind: 'participant_import',
      programmeId: demoProgrammeId,
      fileName: 'gros-fichier.csv',
      status: 'running',
      total: 120,
      processed: 40,
      created: 40,
      updated: 0,
      unchanged: 0,
      applied: [],
      errors: [],
      createdBy: claire,
      createdAt: long,
      updatedAt: long,
      finishedAt: null,
    });
    const reply = await api.call<{ job: ImportJob }>('GET', '/api/jobs/import-interrupted', {
      token: lead,
    });
    expect(reply.body.job).toMatchObject({ status: 'failed', processed: 40, total: 120 });
    expect(reply.body.job.errors).toEqual([
      expect.objectContaining({ code: 'interrupted', message: expect.stringMatching(/again/) }),
    ]);
  });

  it('is for leads only, and answers a wrong body type with 415', async () => {
    const participant = await api.signIn(demoPersonId(40));
    const asParticipant: ApiReply = await api.call('POST', `${imports}/preview`, {
      token: participant,
      raw: goodCsv,
      type: 'text/csv',
    });
    expect(asParticipant.status).toBe(403);
    const started = await api.call<{ job: ImportJob }>('POST', imports, {
      token: lead,
      json: { csv: goodCsv },
    });
    const job = await api.call('GET', `/api/jobs/${started.body.job.id}`, { token: participant });
    expect(job.status).toBe(403);
    expect((await api.call('GET', '/api/jobs/import-nope', { token: lead })).status).toBe(404);
    const form = await api.call('POST', `${imports}/preview`, {
      token: lead,
      raw: 'a=b',
      type: 'application/x-www-form-urlencoded',
    });
    expect(form.status).toBe(415);
    expect(errorCode(form)).toBe('unsupported_media_type');
    const huge = await api.call('POST', `${imports}/preview`, {
      token: lead,
      raw: `${'x'.repeat(2 * 1024 * 1024)}\n`,
      type: 'text/csv',
    });
    expect(huge.status).toBe(400);
    expect(JSON.stringify(huge.body)).toMatch(/larger than 2 MB/);
    const empty = await api.call('POST', `${imports}/preview`, { token: lead, json: { csv: '' } });
    expect(empty.status).toBe(400);
    expect(JSON.stringify(empty.body)).toMatch(/csv/);
    await waitForJob(started.body.job.id);
  });
});
