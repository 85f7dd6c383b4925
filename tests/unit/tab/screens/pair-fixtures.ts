import type { MemberCard, PairView, SessionView } from '../../../../src/contracts/pairs';

/** Builders for the pair screens' component tests (the API's view of a pair, as a member sees it). */

export const louiseId = 'p-33';
export const pierreId = 'p-37';

export function aMember(overrides: Partial<MemberCard> = {}): MemberCard {
  return {
    personId: louiseId,
    role: 'mentor',
    displayName: 'Louise Nicolas',
    jobTitle: 'Community manager',
    department: 'Marketing',
    languages: ['fr', 'en'],
    timeZone: 'Europe/Paris',
    utcOffsetMinutes: 60,
    offsetFromMeMinutes: 0,
    photoUrl: null,
    ...overrides,
  };
}

export function aSession(overrides: Partial<SessionView> = {}): SessionView {
  return {
    id: 's1',
    index: 1,
    start: '2026-11-20T09:00:00.000Z',
    durationMinutes: 60,
    status: 'held',
    agenda: 'Un canal Teams pour les dossiers',
    sharedNotes: '',
    actionItems: [],
    calendarEventId: null,
    feedbackGiven: false,
    feedbackReceived: false,
    awaitingMyFeedback: true,
    asksPairingFit: true,
    ...overrides,
  };
}

/** Pierre Gaillard's view of his pair with Louise Nicolas (he is the mentee). */
export function aPairView(overrides: Partial<PairView> = {}): PairView {
  return {
    id: 'pair-1',
    programmeId: 'prog-1',
    state: 'accepted',
    pausedUntil: null,
    endReason: null,
    myRole: 'mentee',
    me: aMember({
      personId: pierreId,
      role: 'mentee',
      displayName: 'Pierre Gaillard',
      jobTitle: 'Directeur juridique',
      department: 'Juridique',
      languages: ['fr'],
    }),
    partner: aMember(),
    nextSession: null,
    agreement: {
      subject: 'Teams et OneNote pour le travail juridique',
      menteeGoals: ['Organiser les dossiers dans Teams', 'Prendre mes notes dans OneNote'],
      mentorGoals: ['Comprendre les risques juridiques des réseaux sociaux'],
      frame: { sessions: 6, durationMinutes: 60, frequency: 'biweekly', place: 'online' },
      groundRules: ['Une heure toutes les deux semaines'],
      confidentiality: 'Ce qui se dit dans le binôme reste dans le binôme.',
      revision: 2,
      signatures: { mentor: { at: '2026-11-24T10:00:00.000Z', revision: 2 } },
      signedByMe: false,
      signedByPartner: true,
      fullySigned: false,
    },
    sessions: [],
    openActionItems: [],
    feedback: { given: [], received: [] },
    progress: {
      goals: [
        {
          goal: 'Organiser les dossiers dans Teams',
          side: 'mentee',
          personId: pierreId,
          start: null,
          middle: null,
          end: null,
          change: null,
          inAgreement: true,
        },
        {
          goal: 'Prendre mes notes dans OneNote',
          side: 'mentee',
          personId: pierreId,
          start: null,
          middle: null,
          end: null,
          change: null,
          inAgreement: true,
        },
        {
          goal: 'Comprendre les risques juridiques des réseaux sociaux',
          side: 'mentor',
          personId: louiseId,
          start: 2,
          middle: 4,
          end: null,
          change: 2,
          inAgreement: true,
        },
      ],
      suggestedPhase: 'start',
      sessionsHeld: 0,
      sessionsPlanned: 0,
      sessionsAgreed: 6,
    },
    approvals: [],
    flaggedForLead: false,
    history: [],
    can: ['edit_agreement', 'sign', 'plan_session', 'end'],
    createdAt: '2026-11-24T09:00:00.000Z',
    updatedAt: '2026-11-24T10:00:00.000Z',
    ...overrides,
  };
}
