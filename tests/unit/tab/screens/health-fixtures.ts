import type {
  AtRiskPair,
  HealthPair,
  HealthResponse,
  ReportResponse,
} from '../../../../src/contracts/health';
import type { ProgrammeListResponse } from '../../../../src/contracts/programmes';

// Builders of the programme health contract's answers, as the server would send them.

export const programmeId = 'prog-2026';

export function aProgrammeList(
  programmes: {
    id: string;
    name: string;
    status: 'running' | 'closed' | 'draft' | 'enrolling';
  }[] = [{ id: programmeId, name: 'Mentorat inversé 2026', status: 'closed' }],
): ProgrammeListResponse {
  return {
    programmes: programmes.map((p) => ({
      id: p.id,
      name: p.name,
      description: '',
      startDate: '2026-01-05',
      endDate: '2026-06-30',
      status: p.status,
      canManage: true,
      myStatus: 'not_joined',
    })),
    canCreateProgrammes: true,
  };
}

export function aHealthPair(overrides: Partial<HealthPair> = {}): HealthPair {
  return {
    id: 'pair-1',
    state: 'active',
    mentor: { personId: 'p-31', displayName: 'Yanis Benali', department: 'Informatique' },
    mentee: { personId: 'p-12', displayName: 'Martine Chevalier', department: 'Ventes' },
    subject: 'Power BI pour le suivi commercial',
    pairedAt: '2026-01-12T09:00:00.000Z',
    lastSessionAt: '2026-02-02T10:00:00.000Z',
    nextSessionAt: null,
    sessionsHeld: 2,
    sessionsInFrame: 6,
    risks: [],
    ...overrides,
  };
}

export function anAtRiskPair(overrides: Partial<AtRiskPair> = {}): AtRiskPair {
  return {
    ...aHealthPair({ risks: ['no_session_14_days', 'not_a_good_fit'] }),
    reasons: [
      { code: 'no_session_14_days', days: 21 },
      { code: 'not_a_good_fit', days: null },
    ],
    nudge: { available: true, lastSentAt: null, nextAvailableAt: null },
    ...overrides,
  };
}

export function aHealth(overrides: Partial<HealthResponse> = {}): HealthResponse {
  return {
    programmeId,
    programmeName: 'Mentorat inversé 2026',
    status: 'running',
    generatedAt: '2026-02-23T08:00:00.000Z',
    filter: { department: null, startMonth: null },
    filters: { departments: ['Informatique', 'Ventes'], startMonths: ['2026-01', '2026-02'] },
    participants: {
      // As the server hides them: a small group with the next-smallest count of its breakdown,
      // so that subtraction gives nothing under 5 (26 − 12 is mentees and "both" together).
      total: 26,
      byRole: { mentor: 12, mentee: { suppressed: true }, both: { suppressed: true } },
      byState: {
        not_joined: { suppressed: true },
        opted_in: 21,
        paused: { suppressed: true },
        left: { suppressed: true },
      },
      // 24 in a pair would leave 2 who are not.
      inPairs: { suppressed: true },
      invitedNotJoined: [
        {
          personId: 'p-40',
          displayName: 'Adam Henry',
          department: 'Informatique',
          invitedAt: '2026-01-05T09:00:00.000Z',
          reminder: { available: true, lastSentAt: null, nextAvailableAt: null },
        },
      ],
      invitedNotJoinedTotal: 1,
      unmatched: [
        {
          personId: 'p-44',
          displayName: 'Léa Fontaine',
          department: 'Marketing',
          roleWish: 'mentee',
          reasons: [
            {
              code: 'no_teacher',
              fr: 'Personne n’enseigne ce que Léa Fontaine veut apprendre.',
              en: 'Nobody teaches what Léa Fontaine wants to learn.',
            },
          ],
        },
      ],
      unmatchedTotal: 1,
    },
    pairs: {
      total: 12,
      byState: {
        proposed: 0,
        accepted: 0,
        awaiting_approval: 1,
        active: 10,
        paused: 0,
        completed: 0,
        ended: 1,
      },
      list: [
        aHealthPair({ risks: ['no_session_14_days', 'not_a_good_fit'] }),
        aHealthPair({
          id: 'pair-2',
          mentor: { personId: 'p-33', displayName: 'Inès Moreau', department: 'Informatique' },
          mentee: { personId: 'p-14', displayName: 'Paul Girard', department: 'Finance' },
          nextSessionAt: '2026-02-25T10:00:00.000Z',
        }),
      ],
      listTotal: 12,
      endedEarly: 1,
    },
    atRisk: [
      anAtRiskPair(),
      anAtRiskPair({
        id: 'pair-3',
        mentor: { personId: 'p-35', displayName: 'Lucas Petit', department: 'Informatique' },
        mentee: { personId: 'p-16', displayName: 'Hélène Marchand', department: 'Juridique' },
        state: 'awaiting_approval',
        risks: ['approval_pending_7_days'],
        reasons: [{ code: 'approval_pending_7_days', days: 9 }],
        nudge: {
          available: false,
          lastSentAt: '2026-02-20T09:00:00.000Z',
          nextAvailableAt: '2026-02-27T09:00:00.000Z',
        },
      }),
    ],
    atRiskTotal: 2,
    sessions: {
      planned: 40,
      held: 30,
      missed: 4,
      cancelled: 2,
      upcoming: 5,
      unrecorded: 1,
      minutesHeld: 1800,
      byWeek: [
        { weekStart: '2026-01-12', planned: 6, held: 5, missed: 1 },
        { weekStart: '2026-01-19', planned: 0, held: 0, missed: 0 },
        { weekStart: '2026-01-26', planned: 8, held: 7, missed: 0 },
      ],
    },
    timeToFirstSession: { pairs: 11, withoutSession: 1, medianDays: 6, averageDays: 7.5 },
    satisfaction: {
      menteesAboutMentors: {
        suppressed: false,
        raters: 11,
        feedbackCount: 28,
        averageRating: 3.4,
        // As the server hides them (src/domain/disclosure.ts): 3 twos, with the 11 threes and
        // the 14 fours so that neither 28 − 25 nor the average gives them back; 1 unsure and 1
        // poor fit (people), with the 9 good.
        distribution: {
          '1': 0,
          '2': { suppressed: true },
          '3': { suppressed: true },
          '4': { suppressed: true },
        },
        fit: {
          good: { suppressed: true },
          unsure: { suppressed: true },
          poor: { suppressed: true },
        },
      },
      mentorsAboutMentees: { suppressed: true },
      responseRate: 0.75,
    },
    skills: {
      bySkill: [
        {
          skillId: 'power-bi',
          label: { fr: 'Power BI', en: 'Power BI' },
          kind: 'digital',
          progress: {
            suppressed: false,
            people: 6,
            averageStart: 1.5,
            averageEnd: 3.5,
            averageGain: 2,
          },
        },
        {
          skillId: 'negociation',
          label: { fr: 'Négociation', en: 'Negotiation' },
          kind: 'know_how',
          progress: { suppressed: true },
        },
      ],
      unmappedGoals: 2,
    },
    approvals: {
      pending: 1,
      pendingOver7Days: 1,
      approved: 20,
      declined: 1,
      medianDaysToDecide: 2,
    },
    informalHelp: null,
    ...overrides,
  };
}

export function aReport(overrides: Partial<ReportResponse> = {}): ReportResponse {
  const health = aHealth();
  return {
    programme: {
      id: programmeId,
      name: 'Mentorat inversé 2026',
      description: '',
      startDate: '2026-01-05',
      endDate: '2026-06-30',
      status: 'closed',
    },
    generatedAt: health.generatedAt,
    participants: {
      total: health.participants.total,
      byRole: health.participants.byRole,
      byState: health.participants.byState,
      inPairs: health.participants.inPairs,
    },
    pairs: { total: 12, byState: health.pairs.byState, endedEarly: 1 },
    sessions: health.sessions,
    timeToFirstSession: health.timeToFirstSession,
    satisfaction: health.satisfaction,
    skills: health.skills,
    approvals: health.approvals,
    informalHelp: null,
    sharedComments: [
      {
        direction: 'mentee_to_mentor',
        month: '2026-03',
        rating: 4,
        worked: 'Des exemples tirés de mes vrais tableaux.',
        suggestion: '',
      },
    ],
    guide: {
      realNeed: { skillsRequested: 5, skillsInCatalogue: 8, pairsFormed: 12 },
      volunteers: {
        // The total minus the invitees, hidden with them.
        volunteered: { suppressed: true },
        invitedNotJoined: { suppressed: true },
        left: { suppressed: true },
        pairsEndedEarly: 1,
      },
      timeFreed: { minutesApproved: 4320, memberMinutesHeld: 3600 },
      evaluation: {
        feedbackCount: 40,
        responseRate: 0.75,
        assessedStartAndEnd: 18,
      },
    },
    ...overrides,
  };
}
