import {
  aFeedback,
  aPair,
  aPerson,
  aProfile,
  aProgramme,
  aSession,
  anAgreement,
  anApproval,
  anAssessment,
} from '../../fixtures/builders';
import type { Pair, Session } from '../../../src/domain';
import type { Repositories } from '../../../src/store/repositories';

/**
 * A small programme seeded by hand so every figure can be computed on paper (the expectations
 * live in programme-health.test.ts). "Now" is Monday 15 June 2026, 09:00 UTC.
 *
 * Pairs (mentor, mentee; department; paired on):
 * - p1 (m1, e1; Ventes; 4 May): active, held 11 and 25 May, planned 22 June → no session for 21 days
 * - p2 (m2, e2; Ventes; 4 May): active, missed 18 May and 1 June, held 8 June, ratings 1 and 2,
 *   e2 says "poor fit" → sessions missed, low rating, not a good fit
 * - p3 (m3, e3; Ventes; 4 May): awaiting approval since 1 June → approval pending 14 days
 * - p4 (m4, e4; Informatique; 4 May): accepted, agreement unsigned → 42 days
 * - p5 (m5, e5; Informatique; 1 June): active, held 3 June, planned 17 June
 * - p6 (m6, e6; Informatique; 1 June): ended early, held 5 June
 * - p7 (m7, e7; Informatique; 1 June): active, held 10 June
 * Plus i1 (Ventes), invited and not joined; mgr1 manages e1 and e4; o1 is an outsider.
 */
export const healthNow = '2026-06-15T09:00:00.000Z';
export const programmeId = 'health-prog';
export const draftProgrammeId = 'health-draft';
export const ids = {
  lead: 'h-lead',
  manager: 'h-mgr1',
  manager2: 'h-mgr2',
  outsider: 'h-o1',
  invitee: 'h-i1',
  m: (n: number) => `h-m${n}`,
  e: (n: number) => `h-e${n}`,
  p: (n: number) => `h-p${n}`,
};
export const secrets = {
  unsharedComment: 'SECRET-UNSHARED-COMMENT',
  unsharedSuggestion: 'SECRET-UNSHARED-SUGGESTION',
  privateNote: 'PRIVATE-NOTE-NEVER-SHOWN',
};
export const sharedComment = 'Très clair, merci';
export const formulaComment = '=HYPERLINK("http://evil.example","clic")';

const at = (day: string) => `${day}T09:00:00.000Z`;
const signed = {
  mentor: { at: at('2026-05-05'), revision: 1 },
  mentee: { at: at('2026-05-05'), revision: 1 },
};

function session(pairNo: number, index: number, day: string, status: Session['status']): Session {
  return aSession({ id: `h-s${pairNo}-${index}`, index, start: at(day), status });
}

/** Writes the people, profiles, programmes, pairs, approvals and a private note. */
export async function seedHealthProgramme(repos: Repositories, tenantId: string): Promise<void> {
  const dept = (n: number) => (n <= 3 ? 'Ventes' : 'Informatique');
  const people = [
    aPerson({ id: ids.lead, tenantId, displayName: 'Hélène Lead', department: 'RH' }),
    aPerson({ id: ids.manager, tenantId, displayName: 'Marc Manager', department: 'Ventes' }),
    aPerson({ id: ids.manager2, tenantId, displayName: 'Mia Manager', department: 'Ventes' }),
    aPerson({ id: ids.outsider, tenantId, displayName: 'Oscar Outsider', department: 'Achats' }),
    aPerson({ id: ids.invitee, tenantId, displayName: 'Inès Invitée', department: 'Ventes' }),
  ];
  for (let n = 1; n <= 7; n++) {
    people.push(
      aPerson({ id: ids.m(n), tenantId, displayName: `Mentor ${n}`, department: dept(n) }),
    );
    people.push(
      aPerson({
        id: ids.e(n),
        tenantId,
        displayName: `Mentee ${n}`,
        department: dept(n),
        managerId: n === 1 || n === 4 ? ids.manager : n === 3 ? ids.manager2 : null,
      }),
    );
  }
  for (const p of people) await repos.people.upsert(p);

  await repos.programmes.upsert(
    aProgramme({
      id: programmeId,
      tenantId,
      name: 'Programme santé',
      status: 'running',
      startDate: '2026-05-04',
      endDate: '2026-07-26',
      leadIds: [ids.lead],
    }),
  );
  await repos.programmes.upsert(
    aProgramme({
      id: draftProgrammeId,
      tenantId,
      name: 'Brouillon',
      status: 'draft',
      leadIds: [ids.lead],
    }),
  );
  await repos.profiles.upsert(
    aProfile({
      id: ids.invitee,
      tenantId,
      programmeId,
      optIn: { status: 'not_joined', history: [] },
      updatedAt: at('2026-05-02'),
    }),
  );

  const pair = (n: number, overrides: Partial<Pair>): Pair =>
    aPair({
      id: ids.p(n),
      tenantId,
      programmeId,
      proposalId: `h-proposal-${n}`,
      mentorId: ids.m(n),
      menteeId: ids.e(n),
      agreement: anAgreement({ signatures: signed }),
      createdAt: n <= 4 ? at('2026-05-04') : at('2026-06-01'),
      updatedAt: at('2026-06-10'),
      ...overrides,
    });
  const fb = (n: number, s: number, from: 'm' | 'e', rating: number, extra = {}) =>
    aFeedback({
      sessionId: `h-s${n}-${s}`,
      fromId: from === 'm' ? ids.m(n) : ids.e(n),
      toId: from === 'm' ? ids.e(n) : ids.m(n),
      rating,
      worked: '',
      suggestion: '',
      ...extra,
    });
  const copilot = 'Utiliser Copilot au quotidien';
  const assess = (personId: string, goal: string, start: number, end: number | null) => [
    anAssessment({ personId, goal, phase: 'start', level: start }),
    ...(end === null ? [] : [anAssessment({ personId, goal, phase: 'end', level: end })]),
  ];
  const pairs = [
    pair(1, {
      sessions: [
        session(1, 1, '2026-05-11', 'held'),
        session(1, 2, '2026-05-25', 'held'),
        session(1, 3, '2026-06-22', 'planned'),
      ],
      feedback: [
        fb(1, 1, 'e', 4, {
          worked: sharedComment,
          suggestion: 'Plus d’exercices',
          shareWithLead: true,
        }),
        fb(1, 1, 'm', 3, {
          worked: secrets.unsharedComment,
          suggestion: secrets.unsharedSuggestion,
        }),
        fb(1, 2, 'e', 4, { pairingFit: 'good' }),
      ],
      assessments: [
        ...assess(ids.e(1), 'Construire un tableau de bord Power BI', 2, 4),
        ...assess(ids.m(1), 'Mieux présenter en réunion', 2, null),
      ],
    }),
    pair(2, {
      sessions: [
        session(2, 1, '2026-06-08', 'held'),
        session(2, 2, '2026-05-18', 'missed'),
        session(2, 3, '2026-06-01', 'missed'),
      ],
      feedback: [fb(2, 1, 'm', 1), fb(2, 1, 'e', 2, { pairingFit: 'poor' })],
      assessments: assess(ids.e(2), copilot, 1, 3),
    }),
    pair(3, { state: 'awaiting_approval' }),
    pair(4, { state: 'accepted', agreement: anAgreement() }),
    pair(5, {
      sessions: [session(5, 1, '2026-06-03', 'held'), session(5, 2, '2026-06-17', 'planned')],
      feedback: [fb(5, 1, 'e', 3)],
      assessments: [
        ...assess(ids.e(5), copilot, 2, 3),
        ...assess(ids.m(5), 'Copilot pour mes comptes rendus', 3, 4),
      ],
    }),
    pair(6, {
      state: 'ended',
      endReason: 'Changement de poste',
      sessions: [session(6, 1, '2026-06-05', 'held')],
      feedback: [fb(6, 1, 'e', 3, { worked: formulaComment, shareWithLead: true })],
      assessments: assess(ids.e(6), copilot, 1, 2),
    }),
    pair(7, {
      sessions: [session(7, 1, '2026-06-10', 'held')],
      feedback: [fb(7, 1, 'e', 4, { pairingFit: 'good' })],
      assessments: assess(ids.e(7), copilot, 3, 5),
    }),
  ];
  for (const p of pairs) await repos.pairs.upsert(p);

  const approval = (
    n: number,
    personId: string,
    managerId: string,
    created: string,
    decided: string | null,
    status: 'pending' | 'approved' | 'superseded',
  ) =>
    anApproval({
      id: `h-approval-${n}-${personId}-${status}`,
      tenantId,
      pairId: ids.p(n),
      personId,
      managerId,
      requestedBy: personId,
      status,
      createdAt: at(created),
      ...(decided ? { decidedAt: at(decided), decidedBy: managerId } : {}),
    });
  const approvals = [
    approval(1, ids.m(1), ids.manager2, '2026-05-05', '2026-05-06', 'approved'),
    approval(1, ids.e(1), ids.manager, '2026-05-05', '2026-05-08', 'approved'),
    approval(2, ids.m(2), ids.manager2, '2026-05-05', '2026-05-07', 'approved'),
    approval(2, ids.e(2), ids.manager2, '2026-05-05', '2026-05-10', 'approved'),
    approval(2, ids.e(2), ids.manager2, '2026-05-04', null, 'superseded'),
    approval(5, ids.e(5), ids.manager2, '2026-06-01', '2026-06-02', 'approved'),
    approval(3, ids.e(3), ids.manager2, '2026-06-01', null, 'pending'),
  ];
  for (const a of approvals) await repos.approvals.upsert(a);

  await repos.notes.upsert({
    id: `${ids.p(1)}:${ids.e(1)}`,
    tenantId,
    pairId: ids.p(1),
    authorId: ids.e(1),
    notes: [
      { sessionId: 'h-s1-1', text: secrets.privateNote, revision: 1, updatedAt: at('2026-05-11') },
    ],
    updatedAt: at('2026-05-11'),
  });
}
