import { fc } from '@fast-check/vitest';
import type { ZodType } from 'zod';
import { approvalDecisionBodySchema } from '../../../src/contracts/approvals';
import { bookingBodySchema, rescheduleBodySchema } from '../../../src/contracts/calendar';
import { versionBodySchema } from '../../../src/contracts/common';
import { nudgeBodySchema } from '../../../src/contracts/health';
import { importBodySchema } from '../../../src/contracts/imports';
import { answerBodySchema, pairBodySchema, swapBodySchema } from '../../../src/contracts/matching';
import {
  actionItemCreateBodySchema,
  actionItemDoneBodySchema,
  agreementEditBodySchema,
  assessmentBodySchema,
  feedbackBodySchema,
  pairEndBodySchema,
  pairPauseBodySchema,
  privateNoteBodySchema,
  sessionCreateBodySchema,
  sessionNotesBodySchema,
  sessionStatusBodySchema,
  signBodySchema,
} from '../../../src/contracts/pairs';
import {
  optInBodySchema,
  pauseBodySchema,
  profileEditBodySchema,
} from '../../../src/contracts/profiles';
import {
  programmeCreateBodySchema,
  programmeEditBodySchema,
  programmeStatusBodySchema,
} from '../../../src/contracts/programmes';
import { demoPersonId, demoProgrammeId } from '../../../src/local/seed/demo-data';
import { demoPairIds } from '../../../src/local/seed/demo-pairs';
import type { ContainerName } from '../../../src/store/containers';
import { startTestApp, type TestApp } from '../../support/app-server';
import { expectSpecificRefusal, fieldsOf, hostileBody, mutatedBody } from '../../support/fuzz';
import { apiClient, type ApiReply } from '../api/api-client';

/**
 * Issue #18 item 5: every write route's body, generated from its contract's fields with hostile
 * values (wrong types, huge and unicode strings, nested objects, missing fields, not JSON), sent to
 * the real app with a valid token: never a 5xx, a specific 4xx `{ error: { code, message } }`
 * for what it refuses, and nothing stored changes when a write is refused.
 */

const tenantId = '11111111-2222-4333-8444-555555555555';
const lead = demoPersonId(5);
const watched: ContainerName[] = [
  'pairs',
  'profiles',
  'programmes',
  'approvals',
  'notes',
  'people',
];
const numRuns = 25;

let app: TestApp;
let api: ReturnType<typeof apiClient>;
const tokens = new Map<string, string>();
let baseline: Map<string, string>;

/** Every watched document's ETag, by container and id. */
async function storedVersions(): Promise<Map<string, string>> {
  const versions = new Map<string, string>();
  for (const name of watched) {
    const { resources } = await app.server.store
      .container(name)
      .items.query<{ id: string; _etag: string }>({
        query: 'SELECT c.id, c._etag FROM c WHERE c.tenantId = @t',
        parameters: [{ name: '@t', value: tenantId }],
      })
      .fetchAll();
    for (const r of resources) versions.set(`${name}/${r.id}`, r._etag);
  }
  return versions;
}

/** The ids the routes act on, read from the demo data once the app is up. */
type Ids = {
  mentor: string;
  manager: string;
  pair: string;
  session: string;
  item: string;
  approval: string;
  /** The mentor's profile as an edit body. */
  profile: Record<string, unknown>;
};
type Route = {
  who: (ids: Ids) => string;
  method: string;
  path: (ids: Ids) => string;
  schema: ZodType;
};

const prog = `/api/programmes/${demoProgrammeId}`;
const newProgramme = {
  name: 'Fuzzed',
  description: 'A programme from the fuzzer',
  startDate: '2027-03-01',
  endDate: '2027-06-30',
  skills: [{ id: 'power-bi', label: { fr: 'Power BI', en: 'Power BI' }, kind: 'digital' }],
  frame: { sessions: 4, durationMinutes: 45, frequency: 'weekly', place: 'on_site' },
};

/**
 * Bodies the routes accept, by `METHOD path` (ids as placeholders): the bases of mutations deep
 * inside them (a nested field, a list item).
 */
const validBodies: Record<string, (ids: Ids) => unknown> = {
  'POST /api/programmes': () => newProgramme,
  [`PUT ${prog}`]: () => ({ name: 'Renamed', frame: newProgramme.frame }),
  [`PUT ${prog}/profile/me`]: (ids) => ids.profile,
  [`POST ${prog}/profile/me/pause`]: () => ({ until: '2099-01-01' }),
  [`PUT ${prog}/profiles/${demoPersonId(10)}`]: (ids) => ids.profile,
  [`POST ${prog}/matching/pins`]: (ids) => ({ mentorId: ids.mentor, menteeId: demoPersonId(10) }),
  'PUT /api/pairs/:pair/agreement': () => ({
    subject: 'Power BI',
    menteeGoals: ['A dashboard'],
    mentorGoals: ['Sales'],
    groundRules: ['On time'],
  }),
  'POST /api/pairs/:pair/sessions': () => ({
    start: '2099-03-01T09:00:00Z',
    durationMinutes: 60,
    agenda: 'Agenda',
  }),
  'PUT /api/pairs/:pair/sessions/:session/notes': () => ({ agenda: 'A', sharedNotes: 'N' }),
  'POST /api/pairs/:pair/sessions/:session/action-items': (ids) => ({
    text: 'Send the file',
    ownerId: ids.mentor,
    dueDate: '2099-02-01',
  }),
  'PUT /api/pairs/:pair/sessions/:session/feedback': () => ({
    rating: 3,
    worked: 'Good',
    suggestion: 'More',
    pairingFit: 'good',
    shareWithLead: true,
  }),
  'PUT /api/pairs/:pair/assessments': () => ({ phase: 'middle', goal: 'A dashboard', level: 3 }),
  'POST /api/pairs/:pair/pause': () => ({ until: '2099-01-01' }),
  'POST /api/approvals/:approval/decision': () => ({ decision: 'approved', comment: 'OK' }),
};
const asLead = () => lead;
const asMentor = (ids: Ids) => ids.mentor;
const pairPath =
  (rest = '') =>
  (ids: Ids) =>
    `/api/pairs/${ids.pair}${rest}`;
const sessionPath =
  (rest = '') =>
  (ids: Ids) =>
    `/api/pairs/${ids.pair}/sessions/${ids.session}${rest}`;
const fixed = (path: string) => () => path;

const routes: Route[] = [
  {
    who: asLead,
    method: 'POST',
    path: fixed('/api/programmes'),
    schema: programmeCreateBodySchema,
  },
  { who: asLead, method: 'PUT', path: fixed(prog), schema: programmeEditBodySchema },
  { who: asLead, method: 'POST', path: fixed(`${prog}/status`), schema: programmeStatusBodySchema },
  {
    who: asMentor,
    method: 'PUT',
    path: fixed(`${prog}/profile/me`),
    schema: profileEditBodySchema,
  },
  {
    who: asMentor,
    method: 'POST',
    path: fixed(`${prog}/profile/me/opt-in`),
    schema: optInBodySchema,
  },
  {
    who: asMentor,
    method: 'POST',
    path: fixed(`${prog}/profile/me/pause`),
    schema: pauseBodySchema,
  },
  {
    who: asLead,
    method: 'PUT',
    path: fixed(`${prog}/profiles/${demoPersonId(10)}`),
    schema: profileEditBodySchema,
  },
  { who: asLead, method: 'POST', path: fixed(`${prog}/imports/preview`), schema: importBodySchema },
  { who: asLead, method: 'POST', path: fixed(`${prog}/imports`), schema: importBodySchema },
  { who: asMentor, method: 'PUT', path: pairPath('/agreement'), schema: agreementEditBodySchema },
  { who: asMentor, method: 'POST', path: pairPath('/agreement/sign'), schema: signBodySchema },
  { who: asMentor, method: 'POST', path: pairPath('/sessions'), schema: sessionCreateBodySchema },
  { who: asMentor, method: 'POST', path: sessionPath('/status'), schema: sessionStatusBodySchema },
  { who: asMentor, method: 'PUT', path: sessionPath('/notes'), schema: sessionNotesBodySchema },
  {
    who: asMentor,
    method: 'PUT',
    path: sessionPath('/private-note'),
    schema: privateNoteBodySchema,
  },
  {
    who: asMentor,
    method: 'POST',
    path: sessionPath('/action-items'),
    schema: actionItemCreateBodySchema,
  },
  {
    who: asMentor,
    method: 'POST',
    path: (ids) => `/api/pairs/${ids.pair}/sessions/${ids.session}/action-items/${ids.item}/done`,
    schema: actionItemDoneBodySchema,
  },
  { who: asMentor, method: 'PUT', path: sessionPath('/feedback'), schema: feedbackBodySchema },
  { who: asMentor, method: 'PUT', path: pairPath('/assessments'), schema: assessmentBodySchema },
  { who: asMentor, method: 'POST', path: pairPath('/booking'), schema: bookingBodySchema },
  { who: asMentor, method: 'POST', path: sessionPath('/reschedule'), schema: rescheduleBodySchema },
  { who: asMentor, method: 'POST', path: pairPath('/pause'), schema: pairPauseBodySchema },
  {
    who: (ids) => ids.manager,
    method: 'POST',
    path: (ids) => `/api/approvals/${ids.approval}/decision`,
    schema: approvalDecisionBodySchema,
  },
  { who: asLead, method: 'POST', path: fixed(`${prog}/matching/swap`), schema: swapBodySchema },
  { who: asLead, method: 'POST', path: fixed(`${prog}/matching/pins`), schema: pairBodySchema },
  { who: asLead, method: 'POST', path: fixed(`${prog}/matching/blocks`), schema: pairBodySchema },
  {
    who: asMentor,
    method: 'POST',
    path: fixed('/api/proposals/proposal-unknown/answer'),
    schema: answerBodySchema,
  },
  {
    who: asLead,
    method: 'POST',
    path: fixed(`${prog}/pairs/${demoPairIds.data}/nudge`),
    schema: nudgeBodySchema,
  },
  // The moves that take an optional `{ version }` body come last: an accepted one ends the story.
  { who: asMentor, method: 'POST', path: pairPath('/resume'), schema: versionBodySchema },
  { who: asMentor, method: 'POST', path: pairPath('/end'), schema: pairEndBodySchema },
  { who: asMentor, method: 'POST', path: pairPath('/complete'), schema: versionBodySchema },
  {
    who: asMentor,
    method: 'POST',
    path: fixed(`${prog}/profile/me/leave`),
    schema: versionBodySchema,
  },
];
let ids: Ids;
const placeholders: Ids = {
  mentor: ':mentor',
  manager: ':manager',
  pair: ':pair',
  session: ':session',
  item: ':item',
  approval: ':approval',
  profile: {},
};

beforeAll(async () => {
  app = await startTestApp({ env: { LOCAL_SNAPSHOT: 'false' } });
  api = apiClient(app.baseUrl);
  const pair = (await app.repos.pairs.get(tenantId, demoPairIds.powerBi)).value;
  const profile = (await app.repos.profiles.get(tenantId, pair.mentorId)).value;
  const approval = (await app.repos.approvals.ofPair(tenantId, demoPairIds.linkedIn)).find(
    (a) => a.value.status === 'pending',
  )!.value;
  ids = {
    mentor: pair.mentorId,
    manager: approval.managerId,
    pair: pair.id,
    session: pair.sessions[0]!.id,
    item: pair.sessions.flatMap((s) => s.actionItems)[0]?.id ?? 'item-unknown',
    approval: approval.id,
    profile: Object.fromEntries(
      fieldsOf(profileEditBodySchema).flatMap((f) =>
        f in profile ? [[f, (profile as Record<string, unknown>)[f]]] : [],
      ),
    ),
  };
  for (const person of [lead, ids.mentor, ids.manager]) {
    tokens.set(person, await api.signIn(person));
  }
  baseline = await storedVersions();
}, 60_000);

afterAll(async () => {
  await app?.stop();
});

/** Sends `raw` to `route`; on a refusal, checks the answer and that nothing stored changed. */
async function send(route: Route, raw: string): Promise<ApiReply> {
  const path = route.path(ids);
  const reply = await api.call(route.method, path, {
    token: tokens.get(route.who(ids))!,
    raw,
    type: 'application/json',
  });
  const what = `${route.method} ${path} ${raw.slice(0, 300)}`;
  const after = await storedVersions();
  if (reply.status >= 200 && reply.status < 300) {
    baseline = after;
    return reply;
  }
  expectSpecificRefusal(reply, what);
  const changed = [...after].filter(([key, etag]) => baseline.get(key) !== etag).map(([k]) => k);
  expect(changed, `${what}: refused but changed`).toEqual([]);
  return reply;
}

/** Hostile bodies from the route's contract, and mutations of a valid one when there is one. */
function bodies(route: Route, name: string): fc.Arbitrary<{ raw: string }> {
  const valid = validBodies[`${route.method} ${name}`];
  return valid
    ? fc.oneof(hostileBody(route.schema), mutatedBody(valid(ids)))
    : hostileBody(route.schema);
}

describe('API write routes under fuzzed bodies', () => {
  it('has a valid body for every route it mutates', () => {
    const names = new Set(routes.map((r) => `${r.method} ${r.path(placeholders)}`));
    expect(Object.keys(validBodies).filter((k) => !names.has(k))).toEqual([]);
  });

  for (const route of routes) {
    const name = route.path(placeholders);
    it(`${route.method} ${name}: a specific 4xx for bad bodies, nothing stored changed`, async () => {
      await fc.assert(
        fc.asyncProperty(bodies(route, name), async ({ raw }) => {
          await send(route, raw);
        }),
        { numRuns },
      );
    });
  }
});
