import { fc } from '@fast-check/vitest';
import type { ZodType } from 'zod';
import { profileEditBodySchema } from '../../../src/contracts/profiles';
import { routeTable } from '../../../src/contracts/route-table';
import { demoPersonId, demoProgrammeId } from '../../../src/local/seed/demo-data';
import { demoPairIds } from '../../../src/local/seed/demo-pairs';
import type { ContainerName } from '../../../src/store/containers';
import { startTestApp, type TestApp } from '../../support/app-server';
import { expectSpecificRefusal, fieldsOf, hostileBody, mutatedBody } from '../../support/fuzz';
import { apiClient, type ApiReply } from '../api/api-client';

/**
 * Issue #18 item 5: the body of every declared route (src/contracts/route-table.ts), generated
 * from its declared schema's fields with hostile values (wrong types, huge and unicode strings,
 * nested objects, missing fields, not JSON), sent to the real app with a valid token: never a 5xx, a specific 4xx `{ error: { code, message } }`
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
type Target = {
  /** Who sends it (the route's access allows them); undefined: nobody signed in. */
  who: (ids: Ids) => string | undefined;
  /** The path's parameters. */
  params?: (ids: Ids) => Record<string, string>;
};
type Route = Target & {
  key: string;
  method: string;
  path: (ids: Ids) => string;
  schema: ZodType;
};

const newProgramme = {
  name: 'Fuzzed',
  description: 'A programme from the fuzzer',
  startDate: '2027-03-01',
  endDate: '2027-06-30',
  skills: [{ id: 'power-bi', label: { fr: 'Power BI', en: 'Power BI' }, kind: 'digital' }],
  frame: { sessions: 4, durationMinutes: 45, frequency: 'weekly', place: 'on_site' },
};

/**
 * Bodies the routes accept, by declared `METHOD /path`: the bases of mutations deep inside them (a
 * nested field, a list item).
 */
const validBodies: Record<string, (ids: Ids) => unknown> = {
  'POST /programmes': () => newProgramme,
  'PUT /programmes/:id': () => ({ name: 'Renamed', frame: newProgramme.frame }),
  'PUT /programmes/:id/profile/me': (ids) => ids.profile,
  'POST /programmes/:id/profile/me/pause': () => ({ until: '2099-01-01' }),
  'PUT /programmes/:id/profiles/:personId': (ids) => ids.profile,
  'POST /programmes/:id/matching/pins': (ids) => ({
    mentorId: ids.mentor,
    menteeId: demoPersonId(10),
  }),
  'PUT /pairs/:id/agreement': () => ({
    subject: 'Power BI',
    menteeGoals: ['A dashboard'],
    mentorGoals: ['Sales'],
    groundRules: ['On time'],
  }),
  'POST /pairs/:id/sessions': () => ({
    start: '2099-03-01T09:00:00Z',
    durationMinutes: 60,
    agenda: 'Agenda',
  }),
  'PUT /pairs/:id/sessions/:sessionId/notes': () => ({ agenda: 'A', sharedNotes: 'N' }),
  'POST /pairs/:id/sessions/:sessionId/action-items': (ids) => ({
    text: 'Send the file',
    ownerId: ids.mentor,
    dueDate: '2099-02-01',
  }),
  'PUT /pairs/:id/sessions/:sessionId/feedback': () => ({
    rating: 3,
    worked: 'Good',
    suggestion: 'More',
    pairingFit: 'good',
    shareWithLead: true,
  }),
  'PUT /pairs/:id/assessments': () => ({ phase: 'middle', goal: 'A dashboard', level: 3 }),
  'POST /pairs/:id/pause': () => ({ until: '2099-01-01' }),
  'POST /approvals/:id/decision': () => ({ decision: 'approved', comment: 'OK' }),
};

const asLead = () => lead;
const asMentor = (ids: Ids) => ids.mentor;
const programme = () => ({ id: demoProgrammeId });
const pair = (ids: Ids) => ({ id: ids.pair });
const session = (ids: Ids) => ({ id: ids.pair, sessionId: ids.session });

/**
 * Who sends each declared route that takes a body, and to what (src/contracts/route-table.ts);
 * a route with a body and no entry here or in `notFuzzed` fails the first test.
 */
const targets: Record<string, Target> = {
  'POST /dev/sign-in': { who: () => undefined },
  'POST /programmes': { who: asLead },
  'PUT /programmes/:id': { who: asLead, params: programme },
  'POST /programmes/:id/status': { who: asLead, params: programme },
  'PUT /programmes/:id/profile/me': { who: asMentor, params: programme },
  'POST /programmes/:id/profile/me/opt-in': { who: asMentor, params: programme },
  'POST /programmes/:id/profile/me/pause': { who: asMentor, params: programme },
  'PUT /programmes/:id/profiles/:personId': {
    who: asLead,
    params: () => ({ id: demoProgrammeId, personId: demoPersonId(10) }),
  },
  'POST /programmes/:id/imports/preview': { who: asLead, params: programme },
  'POST /programmes/:id/imports': { who: asLead, params: programme },
  'POST /programmes/:id/matching/swap': { who: asLead, params: programme },
  'POST /programmes/:id/matching/pins': { who: asLead, params: programme },
  'POST /programmes/:id/matching/blocks': { who: asLead, params: programme },
  'POST /proposals/:proposalId/answer': {
    who: asMentor,
    params: () => ({ proposalId: 'proposal-unknown' }),
  },
  'PUT /pairs/:id/agreement': { who: asMentor, params: pair },
  'POST /pairs/:id/agreement/sign': { who: asMentor, params: pair },
  'POST /pairs/:id/sessions': { who: asMentor, params: pair },
  'POST /pairs/:id/sessions/:sessionId/status': { who: asMentor, params: session },
  'PUT /pairs/:id/sessions/:sessionId/notes': { who: asMentor, params: session },
  'PUT /pairs/:id/sessions/:sessionId/private-note': { who: asMentor, params: session },
  'POST /pairs/:id/sessions/:sessionId/action-items': { who: asMentor, params: session },
  'POST /pairs/:id/sessions/:sessionId/action-items/:itemId/done': {
    who: asMentor,
    params: (ids) => ({ ...session(ids), itemId: ids.item }),
  },
  'PUT /pairs/:id/sessions/:sessionId/feedback': { who: asMentor, params: session },
  'PUT /pairs/:id/assessments': { who: asMentor, params: pair },
  'POST /pairs/:id/booking': { who: asMentor, params: pair },
  'POST /pairs/:id/sessions/:sessionId/reschedule': { who: asMentor, params: session },
  'POST /pairs/:id/pause': { who: asMentor, params: pair },
  'POST /approvals/:id/decision': {
    who: (ids) => ids.manager,
    params: (ids) => ({ id: ids.approval }),
  },
  'POST /programmes/:id/pairs/:pairId/nudge': {
    who: asLead,
    params: () => ({ id: demoProgrammeId, pairId: demoPairIds.data }),
  },
  'PUT /programmes/:id/retention': { who: asLead, params: programme },
  'PUT /buddy/me': { who: asMentor },
  'POST /buddy/requests': { who: asMentor },
  'POST /buddy/requests/:id/close': { who: asMentor, params: () => ({ id: 'help-unknown' }) },
  'POST /buddy/requests/:id/thanks': { who: asMentor, params: () => ({ id: 'help-unknown' }) },
  // The moves that take an optional `{ version }` body come last: an accepted one ends the story.
  'POST /pairs/:id/resume': { who: asMentor, params: pair },
  'POST /pairs/:id/end': { who: asMentor, params: pair },
  'POST /pairs/:id/complete': { who: asMentor, params: pair },
  'POST /programmes/:id/profile/me/resume': { who: asMentor, params: programme },
  'POST /programmes/:id/profile/me/leave': { who: asMentor, params: programme },
};

/** Declared routes with a body that are not fuzzed here, and why. */
const notFuzzed: Record<string, string> = {
  'POST /messages': 'the bot endpoint reads its own body: tests/integration/bot covers it',
  'POST /me/erase': 'a valid body erases the caller: tests/integration/privacy covers refusals',
  'POST /people/:personId/erase': 'a valid body erases someone: tests/integration/privacy',
};

const keyOf = (r: { method: string; path: string }) => `${r.method.toUpperCase()} ${r.path}`;
const routes: Route[] = Object.entries(targets).map(([key, target]) => {
  const declared = routeTable.find((r) => keyOf(r) === key);
  if (!declared?.body) throw new Error(`${key} is not a declared route with a body`);
  return {
    ...target,
    key,
    method: declared.method.toUpperCase(),
    schema: declared.body,
    path: (ids: Ids) =>
      `/api${declared.path.replace(/:([A-Za-z0-9_]+)/g, (_m, name: string) => target.params?.(ids)[name] ?? `:${name}`)}`,
  };
});
let ids: Ids;

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
    ...(route.who(ids) ? { token: tokens.get(route.who(ids)!)! } : {}),
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
function bodies(route: Route): fc.Arbitrary<{ raw: string }> {
  const valid = validBodies[route.key];
  return valid
    ? fc.oneof(hostileBody(route.schema), mutatedBody(valid(ids)))
    : hostileBody(route.schema);
}

describe('API write routes under fuzzed bodies', () => {
  it('has a valid body for every route it mutates', () => {
    expect(Object.keys(validBodies).filter((k) => !(k in targets))).toEqual([]);
  });

  it('fuzzes every declared route that takes a body, or says why not', () => {
    const withBody = routeTable.filter((r) => r.body).map(keyOf);
    expect(withBody.filter((k) => !(k in targets) && !(k in notFuzzed))).toEqual([]);
  });

  for (const route of routes) {
    it(`${route.key}: a specific 4xx for bad bodies, nothing stored changed`, async () => {
      await fc.assert(
        fc.asyncProperty(bodies(route), async ({ raw }) => {
          await send(route, raw);
        }),
        { numRuns },
      );
    });
  }
});
