import { randomUUID } from 'node:crypto';
import type { ZodType } from 'zod';
import { profileEditBodySchema } from '../../../src/contracts/profiles';
import { programmeEditBodySchema } from '../../../src/contracts/programmes';
import type { Approval } from '../../../src/domain/approval';
import { approvalIdFor, approvalRequestFor } from '../../../src/domain/approval';
import type { Access } from '../../../src/contracts/route';
import { demoPersonId, demoProgrammeId } from '../../../src/local/seed/demo-data';
import { demoPairIds } from '../../../src/local/seed/demo-pairs';
import type { TestApp } from '../../support/app-server';
import { entraClaims, type TestIdentityProvider } from '../../fixtures/jwks/test-identity-provider';
import { apiClient } from './api-client';

/**
 * The world of the authorization matrix: the demo company, one pair and the people around it, each
 * signed in with a Microsoft Entra ID token (the production path), and what the routes act on.
 */

export const tenantId = '11111111-2222-4333-8444-555555555555';
export const otherTenantId = '99999999-2222-4333-8444-555555555555';
export const clientId = '6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b';

/** The callers of the matrix (issue #18 item 2). */
export const callers = [
  'anonymous',
  'otherTenant',
  'participant',
  'partner',
  'otherParticipant',
  'manager',
  'otherManager',
  'lead',
  'otherLead',
] as const;
export type Caller = (typeof callers)[number];

/** Who each caller is in the demo company. */
export const cast = {
  /** Yanis Benali mentors Martine Chevalier on Power BI (active, sessions held). */
  participant: demoPersonId(28),
  partner: demoPersonId(16),
  /** Ethan Walker, in another pair of the same programme. */
  otherParticipant: demoPersonId(39),
  /** Marc Dupont manages Yanis. */
  manager: demoPersonId(27),
  /** Philippe Moreau manages people outside the pair. */
  otherManager: demoPersonId(13),
  /** Claire Dubois leads the demo programme, and is a programme lead of the tenant. */
  lead: demoPersonId(5),
  /** Camille Robin leads another programme only. */
  otherLead: demoPersonId(26),
  otherTenant: randomUUID(),
} as const;

const names: Record<Exclude<Caller, 'anonymous'>, [string, string]> = {
  participant: ['Yanis Benali', 'yanis.benali'],
  partner: ['Martine Chevalier', 'martine.chevalier'],
  otherParticipant: ['Ethan Walker', 'ethan.walker'],
  manager: ['Marc Dupont', 'marc.dupont'],
  otherManager: ['Philippe Moreau', 'philippe.moreau'],
  lead: ['Claire Dubois', 'claire.dubois'],
  otherLead: ['Camille Robin', 'camille.robin'],
  otherTenant: ['Outsider', 'outsider'],
};

/** What the routes act on, read or made once the app is up. */
export type World = {
  programme: string;
  otherProgramme: string;
  pair: string;
  session: string;
  actionItem: string;
  approval: string;
  proposal: string;
  run: string;
  job: string;
  /** Asked by the participant, offered to `offeredTo`. */
  helpRequest: string;
  offeredTo: readonly string[];
  /** Two draft proposals of the run, for a swap. */
  swap: readonly [string, string];
  /** Volunteers the lead pins together, and two others the lead keeps apart. */
  pin: { mentorId: string; menteeId: string };
  block: { mentorId: string; menteeId: string };
  /** An invitee of the programme (imported, not opted in): the lead may remind them. */
  invitee: string;
  /** Someone the lead may erase (nobody else in the matrix depends on them). */
  erasable: string;
  /** The demo programme as an edit body. */
  programmeEdit: Record<string, unknown>;
  /** Each member's first goal in the pair's agreement, by person id. */
  goals: Record<string, string>;
  /** The participant's profile as an edit body. */
  profileEdit: Record<string, unknown>;
  /** A slot the pair may book. */
  slot: unknown;
  /** The participant's quick-help settings as an edit body. */
  buddySettings: Record<string, unknown>;
  tokens: Partial<Record<Caller, string>>;
};

/** The status a caller should get, by the route's access rule; 'allowed' is neither 401, 403, 404 nor 5xx. */
export type Expected = 'allowed' | 401 | 403 | 404;

export function expectedFor(access: Access, caller: Caller, world: World): Expected {
  const is = (...who: Caller[]) => who.includes(caller);
  switch (access) {
    case 'anyone':
    case 'local_dev':
    case 'bot':
      return 'allowed';
  }
  if (caller === 'anonymous') return 401;
  switch (access) {
    case 'signed_in':
      return 'allowed';
    case 'tenant_member':
      return is('otherTenant') ? 404 : 'allowed';
    case 'tenant_lead':
      return is('lead') ? 'allowed' : 403;
    case 'programme_lead':
    case 'job_lead':
      return is('lead') ? 'allowed' : is('otherTenant') ? 404 : 403;
    case 'pair_member':
      return is('participant', 'partner') ? 'allowed' : 404;
    case 'approver':
      return is('manager') ? 'allowed' : 404;
    case 'profile_owner':
      return is('participant') ? 'allowed' : 403;
    case 'profile_owner_or_lead':
      return is('participant', 'lead') ? 'allowed' : is('otherTenant') ? 404 : 403;
    case 'proposal_party':
      return is('participant', 'partner') ? 'allowed' : 404;
    case 'help_offered':
      return world.offeredTo.includes(cast[caller]) ? 'allowed' : 404;
    case 'help_party':
    case 'help_asker':
      return is('participant') ? 'allowed' : 404;
  }
}

/** Signs every caller in, and reads or makes what the routes act on. */
export async function buildWorld(app: TestApp, idp: TestIdentityProvider): Promise<World> {
  const api = apiClient(app.baseUrl);
  const tokens: Partial<Record<Caller, string>> = {};
  for (const [caller, [name, mail]] of Object.entries(names) as [Caller, [string, string]][]) {
    const other = caller === 'otherTenant';
    tokens[caller] = await idp.sign(
      entraClaims({
        tenantId: other ? otherTenantId : tenantId,
        audience: clientId,
        oid: cast[caller as Exclude<Caller, 'anonymous'>],
        email: `${mail}@${other ? 'elsewhere' : 'maison-lumiere'}.example`,
        name,
        ...(caller === 'lead' ? { roles: ['Programme.Lead'] } : {}),
      }),
    );
  }
  const as = (caller: Caller) => ({ token: tokens[caller]! });
  const ok = <T>(reply: { status: number; body: T }, what: string): T => {
    if (reply.status >= 300)
      throw new Error(`${what}: ${reply.status} ${JSON.stringify(reply.body)}`);
    return reply.body;
  };

  // Another programme, led by Camille only.
  const demo = (await app.repos.programmes.get(tenantId, demoProgrammeId)).value;
  const otherProgramme = 'prog-matrix-other';
  await app.repos.programmes.upsert({
    ...demo,
    id: otherProgramme,
    name: 'Autre programme',
    leadIds: [cast.otherLead],
  });

  const pair = (await app.repos.pairs.get(tenantId, demoPairIds.powerBi)).value;
  const session = pair.sessions.find((s) => s.actionItems.length > 0)!;
  const actionItem = session.actionItems[0]!;

  // Marc approved Yanis's time: deciding the same again is answered as it stands.
  const approval: Approval = {
    id: approvalIdFor(pair.id, cast.participant, pair.agreement.revision),
    tenantId,
    pairId: pair.id,
    personId: cast.participant,
    managerId: cast.manager,
    requestedBy: cast.participant,
    agreementRevision: pair.agreement.revision,
    request: approvalRequestFor(pair.agreement.frame, pair.sessions[0]!.start.slice(0, 10)),
    status: 'approved',
    createdAt: new Date().toISOString(),
    decidedAt: new Date().toISOString(),
    decidedBy: cast.manager,
    comment: 'Bonne idée',
  };
  await app.repos.approvals.upsert(approval);

  // The pair's proposal, published and accepted by both: answering it again is answered as it stands.
  const proposal = `proposal-matrix-${pair.id}`;
  const at = new Date().toISOString();
  await app.repos.proposals.upsert({
    id: proposal,
    tenantId,
    programmeId: demoProgrammeId,
    runId: 'run-matrix',
    mentorId: pair.mentorId,
    menteeId: pair.menteeId,
    score: 80,
    reasons: [],
    status: 'accepted',
    answers: { mentor: { answer: 'accepted', at }, mentee: { answer: 'accepted', at } },
    expiresAt: new Date(Date.now() + 6 * 86_400_000).toISOString(),
    createdAt: at,
    publishedAt: at,
    kept: false,
    pairId: pair.id,
  });
  const profile = ok(
    await api.call<{ profile: Record<string, unknown> }>(
      'GET',
      `/api/programmes/${demoProgrammeId}/profiles/${cast.participant}`,
      as('participant'),
    ),
    'the participant’s profile',
  ).profile;
  const profileEdit = editBody(profileEditBodySchema, profile);
  const programmeEdit = editBody(programmeEditBodySchema, {
    ...(demo as unknown as Record<string, unknown>),
    version: (await app.repos.programmes.get(tenantId, demoProgrammeId)).etag,
  });

  const slots = ok(
    await api.call<{ proposals: { slot: unknown }[] }>(
      'GET',
      `/api/pairs/${pair.id}/slots`,
      as('participant'),
    ),
    'the pair’s slots',
  );
  const buddy = ok(
    await api.call<{ settings: Record<string, unknown> }>(
      'GET',
      '/api/buddy/me',
      as('participant'),
    ),
    'the participant’s quick-help settings',
  );

  const run = ok(
    await api.call<{ id: string }>(
      'POST',
      `/api/programmes/${demoProgrammeId}/matching/runs`,
      as('lead'),
    ),
    'a matching run',
  ).id;
  await waitFor(async () => {
    const reply = await api.call<{ status: string }>(
      'GET',
      `/api/programmes/${demoProgrammeId}/matching/runs/${run}`,
      as('lead'),
    );
    return ['queued', 'running'].includes(reply.body.status) ? undefined : reply.body.status;
  });
  const review = ok(
    await api.call<{ proposals: { id: string; stage: string }[] }>(
      'GET',
      `/api/programmes/${demoProgrammeId}/matching`,
      as('lead'),
    ),
    'the matching review',
  );
  const drafts = review.proposals.filter((p) => p.stage === 'draft').map((p) => p.id);
  const volunteers = ok(
    await api.call<{ volunteers: { personId: string; role: string }[] }>(
      'GET',
      `/api/programmes/${demoProgrammeId}/matching/volunteers`,
      as('lead'),
    ),
    'the volunteers',
  ).volunteers;
  const inPairs = new Set(
    (await app.repos.pairs.ofProgramme(tenantId, demoProgrammeId)).flatMap((p) => [
      p.value.mentorId,
      p.value.menteeId,
    ]),
  );
  const free = (role: string) =>
    volunteers.filter((v) => v.role === role && !inPairs.has(v.personId)).map((v) => v.personId);
  const [mentorA, mentorB] = free('mentor');
  const [menteeA, menteeB] = free('mentee');
  if (drafts.length < 2 || !mentorB || !menteeB) {
    throw new Error(
      `the demo programme has too few volunteers to match: ${JSON.stringify(volunteers)}`,
    );
  }

  const inviteeEmail = 'invitee.matrix@maison-lumiere.example';
  const job = ok(
    await api.call<{ job: { id: string } }>('POST', `/api/programmes/${demoProgrammeId}/imports`, {
      ...as('lead'),
      raw: `email,display name,department,manager email,role wish,languages\n${inviteeEmail},Invitée Matrice,Finance,,mentee,fr\n`,
      type: 'text/csv',
    }),
    'an import',
  ).job.id;
  const invitee = await waitFor(async () => {
    const person = await app.repos.people.findByEmail(tenantId, inviteeEmail);
    return person?.value.id;
  });

  const asked = ok(
    await api.call<{ request: { id: string } }>('POST', '/api/buddy/requests', {
      ...as('participant'),
      json: { topic: 'Excel', question: 'Un tableau croisé', when: 'this_week', minutes: 15 },
    }),
    'a help request',
  ).request.id;
  const request = await waitFor(async () => {
    const found = await app.repos.helpRequests.find(tenantId, asked);
    return found && found.value.offeredTo.length > 0 ? found.value : undefined;
  });

  return {
    programme: demoProgrammeId,
    otherProgramme,
    pair: pair.id,
    session: session.id,
    actionItem: actionItem.id,
    approval: approval.id,
    proposal,
    run,
    job,
    helpRequest: asked,
    offeredTo: request.offeredTo,
    swap: [drafts[0]!, drafts[1]!],
    pin: { mentorId: mentorA!, menteeId: menteeA! },
    block: { mentorId: mentorB, menteeId: menteeB },
    invitee,
    erasable: demoPersonId(38),
    profileEdit,
    programmeEdit,
    goals: {
      [pair.mentorId]: pair.agreement.mentorGoals[0] ?? '',
      [pair.menteeId]: pair.agreement.menteeGoals[0] ?? '',
    },
    slot: slots.proposals[0]?.slot,
    buddySettings: buddy.settings,
    tokens,
  };
}

/** The fields of `doc` an edit body of `schema` takes (zod 4 keeps an object's shape after refine). */
function editBody(schema: ZodType, doc: Record<string, unknown>): Record<string, unknown> {
  const shape = (schema as unknown as { shape?: Record<string, unknown> }).shape ?? {};
  return Object.fromEntries(
    Object.keys(shape)
      .filter((k) => k in doc)
      .map((k) => [k, doc[k]]),
  );
}

async function waitFor<T>(probe: () => Promise<T | undefined>): Promise<T> {
  for (let i = 0; i < 100; i++) {
    const value = await probe();
    if (value !== undefined) return value;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('the world did not settle');
}
