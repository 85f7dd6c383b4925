import { z } from 'zod';
import { routeTable } from '../../../src/contracts/route-table';
import { startTestApp, type TestApp } from '../../support/app-server';
import {
  startTestIdentityProvider,
  type TestIdentityProvider,
} from '../../fixtures/jwks/test-identity-provider';
import type { ApiReply } from './api-client';
import {
  buildWorld,
  callers,
  cast,
  clientId,
  expectedFor,
  otherTenantId,
  tenantId,
  type Caller,
  type World,
} from './matrix-world';

/**
 * Issue #18 item 2: the authorization matrix, from the route table. Every declared route is called
 * by every kind of caller (anonymous, someone of another tenant, the participant, their partner,
 * another participant, the participant's manager, another manager, the programme's lead, another
 * programme's lead) with a request that would succeed for someone allowed; the status must be the
 * one the route's `access` rule says (src/contracts/route.ts), and a success's JSON must match the
 * declared answer. A route without an entry in `requests` fails the first test.
 */

type Request = {
  params?: Record<string, string>;
  query?: Record<string, string>;
  json?: unknown;
  raw?: string;
  type?: string;
};
type Requests = Record<string, (w: World, caller: Caller) => Request>;

const future = '2099-03-01T09:00:00.000Z';
const programme = (w: World) => ({ id: w.programme });
const pair = (w: World) => ({ id: w.pair });
const session = (w: World) => ({ id: w.pair, sessionId: w.session });
const csv = (w: World) => ({
  params: programme(w),
  raw: 'email,display name,department,manager email,role wish,languages\nmatrix.someone@maison-lumiere.example,Quelqu’un Matrice,Finance,,mentor,fr\n',
  type: 'text/csv',
});
const newProgramme = {
  name: 'Matrice',
  description: 'Créé par la matrice d’autorisations',
  startDate: '2099-03-01',
  endDate: '2099-06-30',
  skills: [{ id: 'power-bi', label: { fr: 'Power BI', en: 'Power BI' }, kind: 'digital' }],
  frame: { sessions: 4, durationMinutes: 45, frequency: 'weekly', place: 'on_site' },
};

/** A request each route would answer with success for an allowed caller, by `METHOD /path`. */
const requests: Requests = {
  'GET /health': () => ({}),
  'GET /openapi.json': () => ({}),
  'POST /messages': () => ({
    json: {
      type: 'typing',
      id: 'matrix-activity',
      channelId: 'msteams',
      serviceUrl: 'http://127.0.0.1:9/',
      conversation: { id: 'matrix-conversation' },
      from: { id: 'matrix-user' },
      recipient: { id: 'matrix-bot' },
    },
  }),
  'GET /auth/config': () => ({}),
  'GET /dev/personas': () => ({}),
  'POST /dev/sign-in': () => ({ json: { personId: cast.participant } }),
  'GET /me': () => ({}),

  'GET /programmes': () => ({}),
  'POST /programmes': () => ({ json: newProgramme }),
  'GET /programmes/:id': (w) => ({ params: programme(w) }),
  'PUT /programmes/:id': (w) => ({ params: programme(w), json: w.programmeEdit }),
  'POST /programmes/:id/status': (w) => ({ params: programme(w), json: { to: 'enrolling' } }),
  'GET /programmes/:id/readiness': (w) => ({ params: programme(w) }),
  'GET /programmes/:id/participants': (w) => ({ params: programme(w) }),
  'GET /programmes/:id/profile/me': (w) => ({ params: programme(w) }),
  'PUT /programmes/:id/profile/me': (w) => ({ params: programme(w), json: w.profileEdit }),
  'POST /programmes/:id/profile/me/opt-in': (w) => ({
    params: programme(w),
    json: { consentTextVersion: '2026-09' },
  }),
  'POST /programmes/:id/profile/me/pause': (w) => ({
    params: programme(w),
    json: { until: '2099-01-01' },
  }),
  'POST /programmes/:id/profile/me/resume': (w) => ({ params: programme(w) }),
  'POST /programmes/:id/profile/me/leave': (w) => ({ params: programme(w) }),
  'GET /programmes/:id/profiles/:personId': (w) => ({
    params: { id: w.programme, personId: cast.participant },
  }),
  'PUT /programmes/:id/profiles/:personId': (w) => ({
    params: { id: w.programme, personId: cast.participant },
    json: w.profileEdit,
  }),
  'POST /programmes/:id/imports/preview': csv,
  'POST /programmes/:id/imports': csv,
  'GET /programmes/:id/imports': (w) => ({ params: programme(w) }),
  'GET /jobs/:id': (w) => ({ params: { id: w.job } }),

  'POST /programmes/:id/matching/runs': (w) => ({ params: programme(w) }),
  'GET /programmes/:id/matching/runs/:runId': (w) => ({
    params: { id: w.programme, runId: w.run },
  }),
  'GET /programmes/:id/matching': (w) => ({ params: programme(w) }),
  'GET /programmes/:id/matching/volunteers': (w) => ({ params: programme(w) }),
  'POST /programmes/:id/matching/accept-all': (w) => ({ params: programme(w) }),
  'POST /programmes/:id/matching/swap': (w) => ({
    params: programme(w),
    json: { proposalIds: w.swap },
  }),
  'POST /programmes/:id/matching/pins': (w) => ({ params: programme(w), json: w.pin }),
  'POST /programmes/:id/matching/blocks': (w) => ({ params: programme(w), json: w.block }),
  'DELETE /programmes/:id/matching/pins/:mentorId/:menteeId': (w) => ({
    params: { id: w.programme, ...w.pin },
  }),
  'DELETE /programmes/:id/matching/blocks/:mentorId/:menteeId': (w) => ({
    params: { id: w.programme, ...w.block },
  }),
  'POST /programmes/:id/matching/publish': (w) => ({ params: programme(w) }),
  'GET /proposals/mine': () => ({}),
  'POST /proposals/:proposalId/answer': (w) => ({
    params: { proposalId: w.proposal },
    json: { answer: 'accepted' },
  }),

  'GET /pairs/mine': () => ({}),
  'GET /pairs/:id/dashboard': (w) => ({ params: pair(w) }),
  'PUT /pairs/:id/agreement': (w) => ({
    params: pair(w),
    json: { subject: 'Power BI', menteeGoals: ['Un tableau de bord'] },
  }),
  'POST /pairs/:id/agreement/sign': (w) => ({ params: pair(w), json: { revision: 1 } }),
  'POST /pairs/:id/sessions': (w) => ({
    params: pair(w),
    json: { start: future, durationMinutes: 60, agenda: 'Matrice' },
  }),
  'POST /pairs/:id/sessions/:sessionId/status': (w) => ({
    params: session(w),
    json: { status: 'held' },
  }),
  'PUT /pairs/:id/sessions/:sessionId/notes': (w) => ({
    params: session(w),
    json: { agenda: 'Ordre du jour' },
  }),
  'PUT /pairs/:id/sessions/:sessionId/private-note': (w) => ({
    params: session(w),
    json: { text: 'Note privée' },
  }),
  'POST /pairs/:id/sessions/:sessionId/action-items': (w) => ({
    params: session(w),
    json: { text: 'Envoyer le fichier', ownerId: cast.participant, dueDate: '2099-02-01' },
  }),
  'POST /pairs/:id/sessions/:sessionId/action-items/:itemId/done': (w) => ({
    params: { ...session(w), itemId: w.actionItem },
    json: { done: true },
  }),
  'PUT /pairs/:id/sessions/:sessionId/feedback': (w) => ({
    params: session(w),
    json: { rating: 4, worked: 'Bien', suggestion: 'Plus', pairingFit: 'good' },
  }),
  'PUT /pairs/:id/assessments': (w, caller) => ({
    params: pair(w),
    json: { phase: 'middle', goal: w.goals[cast[caller as 'participant']] ?? 'Un but', level: 3 },
  }),
  'POST /pairs/:id/pause': (w) => ({ params: pair(w), json: { until: '2099-01-01' } }),
  'POST /pairs/:id/resume': (w) => ({ params: pair(w) }),
  'POST /pairs/:id/complete': (w) => ({ params: pair(w) }),
  'POST /pairs/:id/end': (w) => ({ params: pair(w), json: { reason: 'La matrice' } }),
  'GET /programmes/:id/pairs/flagged': (w) => ({ params: programme(w) }),
  'GET /toolkit': () => ({ query: { locale: 'fr' } }),

  'GET /pairs/:id/slots': (w) => ({ params: pair(w) }),
  'GET /pairs/:id/calendar': (w) => ({ params: pair(w) }),
  'POST /pairs/:id/booking': (w) => ({ params: pair(w), json: { slot: w.slot } }),
  'POST /pairs/:id/sessions/:sessionId/reschedule': (w) => ({
    params: session(w),
    json: { start: future },
  }),
  'POST /pairs/:id/calendar/refresh': (w) => ({ params: pair(w) }),
  'GET /pairs/:id/calendar.ics': (w) => ({ params: pair(w) }),

  'GET /approvals': () => ({}),
  'POST /approvals/:id/decision': (w) => ({
    params: { id: w.approval },
    json: { decision: 'approved' },
  }),

  'GET /programmes/:id/health': (w) => ({ params: programme(w) }),
  'POST /programmes/:id/health/refresh': (w) => ({ params: programme(w) }),
  'POST /programmes/:id/pairs/:pairId/nudge': (w) => ({
    params: { id: w.programme, pairId: w.pair },
  }),
  'POST /programmes/:id/participants/:personId/remind': (w) => ({
    params: { id: w.programme, personId: w.invitee },
  }),
  'GET /programmes/:id/report': (w) => ({ params: programme(w) }),
  'GET /programmes/:id/report.csv': (w) => ({ params: programme(w) }),
  'GET /manager/reports': () => ({}),

  'GET /me/export': () => ({}),
  'POST /me/erase': () => ({ json: { confirm: true } }),
  'POST /people/:personId/erase': (w) => ({
    params: { personId: w.erasable },
    json: { confirm: true },
  }),
  'GET /programmes/:id/retention': (w) => ({ params: programme(w) }),
  'PUT /programmes/:id/retention': (w) => ({
    params: programme(w),
    json: { retentionMonths: 24 },
  }),
  'GET /audit': () => ({}),

  'GET /buddy/me': () => ({}),
  'PUT /buddy/me': (w) => ({ json: w.buddySettings }),
  'POST /buddy/requests': () => ({
    json: { topic: 'Teams', when: 'today', minutes: 15 },
  }),
  'GET /buddy/requests/mine': () => ({}),
  'GET /buddy/offers/mine': () => ({}),
  'POST /buddy/offers/:requestId/accept': (w) => ({ params: { requestId: w.helpRequest } }),
  'POST /buddy/offers/:requestId/pass': (w) => ({ params: { requestId: w.helpRequest } }),
  'POST /buddy/requests/:id/close': (w) => ({ params: { id: w.helpRequest }, json: {} }),
  'POST /buddy/requests/:id/thanks': (w) => ({
    params: { id: w.helpRequest },
    json: { note: 'Merci !' },
  }),
  'POST /buddy/requests/:id/widen': (w) => ({ params: { id: w.helpRequest } }),
  'POST /buddy/requests/:id/book': (w) => ({ params: { id: w.helpRequest } }),
};

/**
 * Allowed callers make these last, in this order: each ends something the others rely on (a
 * published matching, the pair's story, the caller's own data).
 */
const last = [
  'POST /programmes/:id/matching/publish',
  'POST /buddy/requests/:id/close',
  'POST /pairs/:id/pause',
  'POST /pairs/:id/resume',
  'POST /pairs/:id/complete',
  'POST /pairs/:id/end',
  'POST /programmes/:id/profile/me/leave',
  'POST /people/:personId/erase',
  'POST /me/erase',
];

/** Statuses an allowed caller may get: done, or refused for what the request says, not who sent it. */
const allowedStatuses = new Set([200, 201, 202, 204, 409]);

const keyOf = (route: (typeof routeTable)[number]) => `${route.method.toUpperCase()} ${route.path}`;

let idp: TestIdentityProvider;
let app: TestApp;
let world: World;

beforeAll(async () => {
  idp = await startTestIdentityProvider();
  app = await startTestApp({
    env: {
      AUTH_CLIENT_ID: clientId,
      AUTH_APP_ID_URI: `api://mentoring.contoso.com/${clientId}`,
      AUTH_TENANT_IDS: `${tenantId},${otherTenantId}`,
      AUTH_JWKS_URI: idp.jwksUri,
      LOCAL_SNAPSHOT: 'false',
      RATE_LIMIT_PER_MINUTE: '100000',
      RATE_LIMIT_ANONYMOUS_PER_MINUTE: '100000',
    },
  });
  world = await buildWorld(app, idp);
}, 120_000);
afterAll(async () => {
  await app?.stop();
  await idp?.stop();
});

async function call(route: (typeof routeTable)[number], caller: Caller): Promise<ApiReply> {
  const request = requests[keyOf(route)]!(world, caller);
  const path = route.path.replace(/:([A-Za-z0-9_]+)/g, (_m, name: string) =>
    encodeURIComponent(request.params?.[name] ?? `missing-${name}`),
  );
  const query = request.query ? `?${new URLSearchParams(request.query)}` : '';
  const token = world.tokens[caller];
  const headers: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
  let body: string | undefined;
  if (request.json !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(request.json);
  } else if (request.raw !== undefined) {
    headers['content-type'] = request.type ?? 'text/plain';
    body = request.raw;
  }
  const response = await fetch(`${app.baseUrl}/api${path}${query}`, {
    method: route.method.toUpperCase(),
    headers,
    body,
  });
  const text = await response.text();
  const json = (response.headers.get('content-type') ?? '').includes('json');
  return { status: response.status, body: json && text ? JSON.parse(text) : text, etag: null };
}

/** What is wrong with `reply` for `caller` on `route`, or undefined. */
function problem(route: (typeof routeTable)[number], caller: Caller, reply: ApiReply) {
  const expected = expectedFor(route.access, caller, world);
  const seen = `${reply.status} ${JSON.stringify(reply.body)?.slice(0, 160)}`;
  if (expected !== 'allowed') {
    return reply.status === expected ? undefined : `expected ${expected}, got ${seen}`;
  }
  if (!allowedStatuses.has(reply.status)) return `expected to be let through, got ${seen}`;
  const answer = route.responses[reply.status as 200 | 201 | 202];
  if (answer instanceof z.ZodType) {
    const parsed = answer.safeParse(reply.body);
    if (!parsed.success) {
      return `answered ${reply.status} unlike its declaration: ${parsed.error.issues
        .slice(0, 3)
        .map((i) => `${i.path.join('.')}: ${i.message}`)
        .join('; ')}`;
    }
  }
  return undefined;
}

describe('the authorization matrix', () => {
  it('has a request for every declared route, and none for a route that is not declared', () => {
    const declared = routeTable.map(keyOf);
    expect(declared.filter((key) => !(key in requests))).toEqual([]);
    expect(Object.keys(requests).filter((key) => !declared.includes(key))).toEqual([]);
  });

  it('refuses every caller a route does not allow, as its access rule says', async () => {
    const wrong: string[] = [];
    for (const route of routeTable) {
      for (const caller of callers) {
        if (expectedFor(route.access, caller, world) === 'allowed') continue;
        const reply = await call(route, caller);
        const found = problem(route, caller, reply);
        if (found) wrong.push(`${keyOf(route)} as ${caller}: ${found}`);
      }
    }
    expect(wrong).toEqual([]);
  }, 240_000);

  it('lets every caller a route allows through, and answers as declared', async () => {
    const order = [
      ...routeTable.filter((r) => !last.includes(keyOf(r))),
      ...last.flatMap((key) => routeTable.filter((r) => keyOf(r) === key)),
    ];
    const wrong: string[] = [];
    for (const route of order) {
      for (const caller of callers) {
        if (expectedFor(route.access, caller, world) !== 'allowed') continue;
        const reply = await call(route, caller);
        const found = problem(route, caller, reply);
        if (found) wrong.push(`${keyOf(route)} as ${caller}: ${found}`);
      }
    }
    expect(wrong).toEqual([]);
  }, 240_000);
});
