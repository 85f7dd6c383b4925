import { z } from 'zod';
import { approvalStatusSchema, type Approval } from './approval';
import type { Clock } from './clock';
import {
  date,
  dateTime,
  flag,
  group,
  idOf,
  idSchema,
  integer,
  languageSchema,
  list,
  skillLevelSchema,
  tenantIdSchema,
  text,
  timeZoneSchema,
} from './common';
import { DomainError } from './errors';
import { frameSchema } from './programme';

export const pairStates = [
  'proposed',
  'accepted',
  'awaiting_approval',
  'active',
  'paused',
  'completed',
  'ended',
] as const;
export const pairStateSchema = z.enum(pairStates, {
  error:
    'state must be one of proposed, accepted, awaiting_approval, active, paused, completed, ended',
});
export type PairState = z.infer<typeof pairStateSchema>;

export const signatureSchema = group('signature', {
  at: dateTime('at'),
  /** The agreement revision signed; a later edit makes it stale. */
  revision: integer('revision', 1, 100_000),
});
export type Signature = z.infer<typeof signatureSchema>;

/** The pair's short contract: subject, goals both ways, frame, rules; signed by both. */
export const agreementSchema = group('agreement', {
  subject: text('agreement.subject', { max: 200 }),
  menteeGoals: list('menteeGoals', text('menteeGoal', { min: 1, max: 300 })).max(10, {
    error: 'menteeGoals must have at most 10 goals',
  }),
  mentorGoals: list('mentorGoals', text('mentorGoal', { min: 1, max: 300 })).max(10, {
    error: 'mentorGoals must have at most 10 goals',
  }),
  frame: frameSchema,
  groundRules: list('groundRules', text('groundRule', { min: 1, max: 300 })).max(20, {
    error: 'groundRules must have at most 20 rules',
  }),
  confidentiality: text('agreement.confidentiality', { max: 2000 }),
  revision: integer('agreement.revision', 1, 100_000),
  signatures: group('signatures', {
    mentor: signatureSchema.optional(),
    mentee: signatureSchema.optional(),
  }),
});
export type Agreement = z.infer<typeof agreementSchema>;

/** The parts of an agreement the pair edits. */
export type AgreementChanges = Partial<
  Pick<
    Agreement,
    'subject' | 'menteeGoals' | 'mentorGoals' | 'frame' | 'groundRules' | 'confidentiality'
  >
>;

export const calendarProviders = ['graph', 'local'] as const;
export const pairCalendarSchema = group('calendar', {
  seriesId: idOf('calendar.seriesId').optional(),
  organiserId: idOf('calendar.organiserId').optional(),
  provider: z.enum(calendarProviders, { error: 'provider must be "graph" or "local"' }).optional(),
});
export type PairCalendar = z.infer<typeof pairCalendarSchema>;

export const actionItemSchema = group('actionItem', {
  id: idSchema,
  text: text('actionItem.text', { min: 1, max: 300 }),
  ownerId: idOf('ownerId'),
  dueDate: date('dueDate').optional(),
  done: flag('done'),
});
export type ActionItem = z.infer<typeof actionItemSchema>;

export const sessionStatuses = ['planned', 'held', 'missed', 'cancelled'] as const;
export const sessionStatusSchema = z.enum(sessionStatuses, {
  error: 'session status must be one of planned, held, missed, cancelled',
});
export type SessionStatus = z.infer<typeof sessionStatusSchema>;

export const sessionSchema = group('session', {
  id: idSchema,
  /** 1 for the first session. */
  index: integer('session.index', 1, 520),
  start: dateTime('session.start'),
  durationMinutes: integer('session.durationMinutes', 15, 240),
  status: sessionStatusSchema,
  agenda: text('agenda', { max: 2000 }).optional(),
  /** Notes both members see; private notes live in PrivateNote. */
  sharedNotes: text('sharedNotes', { max: 10_000 }).optional(),
  actionItems: list('actionItems', actionItemSchema).max(50, {
    error: 'a session has at most 50 action items',
  }),
  calendarEventId: idOf('calendarEventId').optional(),
});
export type Session = z.infer<typeof sessionSchema>;

export const pairingFits = ['good', 'unsure', 'poor'] as const;
export const pairingFitSchema = z.enum(pairingFits, {
  error: 'pairingFit must be "good", "unsure" or "poor"',
});
export type PairingFit = z.infer<typeof pairingFitSchema>;

/** One member's quick feedback to the other after a session. */
export const feedbackSchema = group('feedback', {
  sessionId: idOf('sessionId'),
  fromId: idOf('fromId'),
  toId: idOf('toId'),
  rating: integer('rating', 1, 4),
  worked: text('worked', { max: 1000 }),
  suggestion: text('suggestion', { max: 1000 }),
  pairingFit: pairingFitSchema.optional(),
  at: dateTime('at'),
});
export type Feedback = z.infer<typeof feedbackSchema>;

export const assessmentPhases = ['start', 'middle', 'end'] as const;
export const assessmentPhaseSchema = z.enum(assessmentPhases, {
  error: 'phase must be "start", "middle" or "end"',
});
export type AssessmentPhase = z.infer<typeof assessmentPhaseSchema>;

/** A member's self-assessment of one goal at one phase of the pair. */
export const assessmentSchema = group('assessment', {
  personId: idOf('personId'),
  phase: assessmentPhaseSchema,
  goal: text('goal', { min: 1, max: 300 }),
  level: skillLevelSchema,
  at: dateTime('at'),
});
export type Assessment = z.infer<typeof assessmentSchema>;

export const pairHistoryEntrySchema = group('history entry', {
  from: pairStateSchema,
  to: pairStateSchema,
  at: dateTime('at'),
  by: idOf('by'),
  reason: text('reason', { max: 500 }).optional(),
});
export type PairHistoryEntry = z.infer<typeof pairHistoryEntrySchema>;

/**
 * What the dashboard shows of a member, copied into the pair when it is created so that a
 * dashboard load is one point read (no directory or profile lookups).
 */
export const memberSnapshotSchema = group('member', {
  displayName: text('displayName', { min: 1, max: 200 }),
  jobTitle: text('jobTitle', { max: 200 }),
  department: text('department', { max: 200 }),
  languages: list('languages', languageSchema).max(10, {
    error: 'languages must have at most 10 entries',
  }),
  timeZone: timeZoneSchema,
  /** A same-origin URL for an <img>, or null (initials). */
  photoUrl: z.string({ error: 'photoUrl must be text or null' }).max(2000).nullable(),
});
export type MemberSnapshot = z.infer<typeof memberSnapshotSchema>;

export const pairMembersSchema = group('members', {
  mentor: memberSnapshotSchema,
  mentee: memberSnapshotSchema,
});
export type PairMembers = z.infer<typeof pairMembersSchema>;

export const leadFlagReasons = ['poor_fit_both_sides'] as const;

/** Raised for the programme lead (re-pairing); stays until the lead clears it. */
export const leadFlagSchema = group('leadFlag', {
  reason: z.enum(leadFlagReasons, { error: 'reason must be "poor_fit_both_sides"' }),
  at: dateTime('leadFlag.at'),
});
export type LeadFlag = z.infer<typeof leadFlagSchema>;

/**
 * Where one member's manager approval stands, copied onto the pair by the approval service so that
 * the dashboard shows it without reading the approvals (its load stays two point reads). Both
 * members read it: the decision and the comment are told to both anyway.
 */
export const pairApprovalSchema = group('approval', {
  /** Whose time was asked for. */
  personId: idOf('approvals.personId'),
  managerId: idOf('approvals.managerId'),
  managerName: text('approvals.managerName', { min: 1, max: 200 }),
  /** The agreement revision the manager was asked about (absent on requests older than it). */
  revision: integer('approvals.revision', 1, 100_000).optional(),
  status: approvalStatusSchema,
  requestedAt: dateTime('approvals.requestedAt'),
  comment: text('approvals.comment', { max: 1000 }).optional(),
  decidedAt: dateTime('approvals.decidedAt').optional(),
});
export type PairApproval = z.infer<typeof pairApprovalSchema>;

export const pairSchema = z
  .object({
    id: idSchema,
    tenantId: tenantIdSchema,
    programmeId: idOf('programmeId'),
    proposalId: idOf('proposalId'),
    mentorId: idOf('mentorId'),
    menteeId: idOf('menteeId'),
    state: pairStateSchema,
    agreement: agreementSchema,
    calendar: pairCalendarSchema,
    sessions: list('sessions', sessionSchema),
    feedback: list('feedback', feedbackSchema),
    assessments: list('assessments', assessmentSchema),
    /** Absent only on pairs created before the snapshot existed; filled on their next load. */
    members: pairMembersSchema.optional(),
    leadFlag: leadFlagSchema.optional(),
    /**
     * The managers' approvals that count now, one per member asked (mentor first). Absent on pairs
     * never asked, and on pairs asked before it was kept (written again at the next decision).
     */
    approvals: list('approvals', pairApprovalSchema)
      .max(2, { error: 'approvals has at most one entry per member' })
      .optional(),
    pausedUntil: dateTime('pausedUntil').optional(),
    endReason: text('endReason', { max: 500 }).optional(),
    history: list('history', pairHistoryEntrySchema),
    createdAt: dateTime('createdAt'),
    updatedAt: dateTime('updatedAt'),
  })
  .refine((pair) => pair.mentorId !== pair.menteeId, {
    error: 'mentorId and menteeId must be two different people',
    path: ['menteeId'],
  });
export type Pair = z.infer<typeof pairSchema>;

/** A note on a session that only its author reads; stored apart from the pair. */
export const privateNoteSchema = z.object({
  id: idSchema,
  tenantId: tenantIdSchema,
  pairId: idOf('pairId'),
  sessionId: idOf('sessionId'),
  authorId: idOf('authorId'),
  text: text('text', { max: 10_000 }),
  updatedAt: dateTime('updatedAt'),
});
export type PrivateNote = z.infer<typeof privateNoteSchema>;

/** The id of a private note: one per author per session. */
export function privateNoteId(pairId: string, sessionId: string, authorId: string): string {
  return `${pairId}:${sessionId}:${authorId}`;
}

/** True when `personId` is the mentor or the mentee. */
export function isMember(pair: Pick<Pair, 'mentorId' | 'menteeId'>, personId: string): boolean {
  return personId === pair.mentorId || personId === pair.menteeId;
}

/** The other member; throws `not_pair_member` for anyone else. */
export function partnerOf(
  pair: Pick<Pair, 'id' | 'mentorId' | 'menteeId'>,
  personId: string,
): string {
  if (personId === pair.mentorId) return pair.menteeId;
  if (personId === pair.menteeId) return pair.mentorId;
  throw new DomainError('not_pair_member', 'This person is not a member of the pair', {
    pairId: pair.id,
    personId,
  });
}

/** 'mentor' or 'mentee'; throws `not_pair_member` for anyone else. */
export function roleIn(
  pair: Pick<Pair, 'id' | 'mentorId' | 'menteeId'>,
  personId: string,
): 'mentor' | 'mentee' {
  if (personId === pair.mentorId) return 'mentor';
  if (personId === pair.menteeId) return 'mentee';
  throw new DomainError('not_pair_member', 'This person is not a member of the pair', {
    pairId: pair.id,
    personId,
  });
}

function assertMember(pair: Pair, personId: string): void {
  roleIn(pair, personId);
}

/** States in which the pair is over: nothing changes any more. */
export const finalPairStates: readonly PairState[] = ['completed', 'ended'];

/** True when the pair has completed or ended. */
export function isPairClosed(pair: Pair): boolean {
  return finalPairStates.includes(pair.state);
}

/** What can happen to a pair. */
export type PairEvent =
  | { type: 'accept' }
  | { type: 'request_approval' }
  /** Every approval the pair needs, as decided by the managers. */
  | { type: 'approve'; approvals: readonly Approval[] }
  | { type: 'activate'; managerApprovalRequired: boolean }
  | { type: 'pause'; until: string }
  | { type: 'resume' }
  | { type: 'complete' }
  | { type: 'end'; reason: string };

export type PairEventType = PairEvent['type'];

/** For each event: the states it may start from and the state it leads to. */
export const pairTransitions: Readonly<
  Record<PairEventType, { from: readonly PairState[]; to: PairState }>
> = {
  accept: { from: ['proposed'], to: 'accepted' },
  request_approval: { from: ['accepted'], to: 'awaiting_approval' },
  approve: { from: ['awaiting_approval'], to: 'active' },
  activate: { from: ['accepted'], to: 'active' },
  pause: { from: ['active'], to: 'paused' },
  resume: { from: ['paused'], to: 'active' },
  complete: { from: ['active', 'paused'], to: 'completed' },
  end: { from: ['proposed', 'accepted', 'awaiting_approval', 'active', 'paused'], to: 'ended' },
};

function invalid(pair: Pair, event: PairEvent, to: PairState, why?: string): DomainError {
  return new DomainError(
    'invalid_transition',
    why ?? `A ${pair.state} pair cannot ${event.type.replace('_', ' ')} (to ${to})`,
    { entity: 'pair', id: pair.id, event: event.type, from: pair.state, to },
  );
}

function validationError(path: string, message: string): DomainError {
  return new DomainError('validation_failed', message, { issues: [{ path, message }] });
}

/**
 * Applies `event` by `actorId`. Only members act, except `approve` (decided by managers and
 * checked against the approvals). Repeating an event on the state it leads to is a no-op.
 */
export function transitionPair(
  pair: Pair,
  event: PairEvent,
  actorId: string,
  clock: Clock,
): { pair: Pair; changed: boolean } {
  if (event.type !== 'approve') assertMember(pair, actorId);
  const { from, to } = pairTransitions[event.type];
  const now = clock.now();
  const at = now.toISOString();

  if (event.type === 'pause') {
    const until = new Date(event.until);
    if (Number.isNaN(until.getTime()) || until.getTime() <= now.getTime()) {
      throw validationError('until', 'until must be a date-time in the future');
    }
    if (pair.state === 'paused') {
      const pausedUntil = until.toISOString();
      if (pair.pausedUntil === pausedUntil) return { pair, changed: false };
      return { pair: { ...pair, pausedUntil, updatedAt: at }, changed: true };
    }
  } else if (pair.state === to) {
    return { pair, changed: false };
  }

  if (!from.includes(pair.state)) throw invalid(pair, event, to);

  const next: Pair = { ...pair, state: to, updatedAt: at };
  let reason: string | undefined;
  switch (event.type) {
    case 'approve': {
      const foreign = event.approvals.find((a) => a.pairId !== pair.id);
      if (foreign) {
        throw invalid(pair, event, to, `Approval ${foreign.id} is for another pair`);
      }
      const waiting = event.approvals.filter((a) => a.status !== 'approved');
      if (event.approvals.length === 0 || waiting.length > 0) {
        throw invalid(pair, event, to, 'Every manager approval must be granted first');
      }
      break;
    }
    case 'activate':
      if (event.managerApprovalRequired) {
        throw invalid(
          pair,
          event,
          to,
          'This programme requires manager approval before the pair starts',
        );
      }
      break;
    case 'pause':
      next.pausedUntil = new Date(event.until).toISOString();
      break;
    case 'resume':
      delete next.pausedUntil;
      break;
    case 'complete':
      delete next.pausedUntil;
      break;
    case 'end': {
      reason = event.reason.trim();
      if (reason.length === 0) throw validationError('reason', 'reason must not be empty');
      if (reason.length > 500)
        throw validationError('reason', 'reason must be at most 500 characters');
      next.endReason = reason;
      delete next.pausedUntil;
      break;
    }
    default:
      break;
  }
  const entry: PairHistoryEntry = { from: pair.state, to, at, by: actorId };
  if (reason !== undefined) entry.reason = reason;
  next.history = [...pair.history, entry];
  return { pair: next, changed: true };
}

/** True when both members signed the current revision of the agreement. */
export function isAgreementSigned(agreement: Agreement): boolean {
  const { mentor, mentee } = agreement.signatures;
  return mentor?.revision === agreement.revision && mentee?.revision === agreement.revision;
}

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * A member edits the agreement. A real change bumps the revision and clears both signatures
 * (what was signed is no longer what is written); an edit that changes nothing is a no-op.
 */
export function editAgreement(
  pair: Pair,
  actorId: string,
  changes: AgreementChanges,
  clock: Clock,
): { pair: Pair; changed: boolean } {
  assertMember(pair, actorId);
  if (isPairClosed(pair)) {
    throw new DomainError(
      'invalid_transition',
      `The agreement of a ${pair.state} pair cannot change`,
      {
        entity: 'pair',
        id: pair.id,
        from: pair.state,
        to: pair.state,
      },
    );
  }
  const edited: Agreement = { ...pair.agreement };
  let changed = false;
  for (const key of Object.keys(changes) as (keyof AgreementChanges)[]) {
    const value = changes[key];
    if (value === undefined || sameValue(value, pair.agreement[key])) continue;
    Object.assign(edited, { [key]: value });
    changed = true;
  }
  if (!changed) return { pair, changed: false };
  const parsed = agreementSchema.safeParse({
    ...edited,
    revision: pair.agreement.revision + 1,
    signatures: {},
  });
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => ({
      path: ['agreement', ...i.path.map(String)].join('.'),
      message: i.message,
    }));
    throw new DomainError('validation_failed', `Invalid agreement: ${issues[0]?.message ?? ''}`, {
      issues,
    });
  }
  return {
    pair: { ...pair, agreement: parsed.data, updatedAt: clock.now().toISOString() },
    changed: true,
  };
}

/** A member signs the current revision; signing it again is a no-op. */
export function signAgreement(
  pair: Pair,
  actorId: string,
  clock: Clock,
): { pair: Pair; changed: boolean; fullySigned: boolean } {
  const side = roleIn(pair, actorId);
  if (isPairClosed(pair)) {
    throw new DomainError(
      'invalid_transition',
      `The agreement of a ${pair.state} pair cannot be signed`,
      {
        entity: 'pair',
        id: pair.id,
        from: pair.state,
        to: pair.state,
      },
    );
  }
  const { agreement } = pair;
  if (agreement.signatures[side]?.revision === agreement.revision) {
    return { pair, changed: false, fullySigned: isAgreementSigned(agreement) };
  }
  if (agreement.subject.trim().length === 0) {
    throw validationError('agreement.subject', 'The agreement needs a subject before it is signed');
  }
  const at = clock.now().toISOString();
  const signed: Agreement = {
    ...agreement,
    signatures: { ...agreement.signatures, [side]: { at, revision: agreement.revision } },
  };
  return {
    pair: { ...pair, agreement: signed, updatedAt: at },
    changed: true,
    fullySigned: isAgreementSigned(signed),
  };
}

/** The latest pairing fit each member gave, from their feedback in time order. */
export function latestPairingFits(pair: Pair): { mentor?: PairingFit; mentee?: PairingFit } {
  const fits: { mentor?: PairingFit; mentee?: PairingFit } = {};
  const byTime = [...pair.feedback].sort((a, b) => a.at.localeCompare(b.at));
  for (const item of byTime) {
    if (!item.pairingFit) continue;
    if (item.fromId === pair.mentorId) fits.mentor = item.pairingFit;
    else if (item.fromId === pair.menteeId) fits.mentee = item.pairingFit;
  }
  return fits;
}

/** True when both members, in their latest say, find the pairing a poor fit: time to talk to the lead. */
export function poorFitOnBothSides(pair: Pair): boolean {
  const fits = latestPairingFits(pair);
  return fits.mentor === 'poor' && fits.mentee === 'poor';
}

/** The next planned session after `clock`'s now, or undefined. */
export function nextSession(pair: Pair, clock: Clock): Session | undefined {
  const now = clock.now().toISOString();
  return pair.sessions
    .filter((session) => session.status === 'planned' && session.start >= now)
    .sort((a, b) => a.start.localeCompare(b.start))[0];
}

/**
 * The summary entry of a stored approval, with the manager's name as the members should read it.
 * Only a request that counts has one: a superseded request is refused.
 */
export function pairApprovalOf(approval: Approval, managerName: string): PairApproval {
  if (approval.status === 'superseded') {
    throw new DomainError(
      'invalid_transition',
      `Approval ${approval.id} was replaced by a newer request; the pair records the newer one`,
      { entity: 'approval', id: approval.id, from: approval.status },
    );
  }
  return {
    personId: approval.personId,
    managerId: approval.managerId,
    managerName,
    ...(approval.agreementRevision !== undefined && { revision: approval.agreementRevision }),
    status: approval.status,
    requestedAt: approval.createdAt,
    ...(approval.comment !== undefined && { comment: approval.comment }),
    ...(approval.decidedAt !== undefined && { decidedAt: approval.decidedAt }),
  };
}

function sameApprovals(a: readonly PairApproval[], b: readonly PairApproval[]): boolean {
  const fields = (e: PairApproval) => [
    e.personId,
    e.managerId,
    e.managerName,
    e.revision ?? null,
    e.status,
    e.requestedAt,
    e.comment ?? null,
    e.decidedAt ?? null,
  ];
  return sameValue(a.map(fields), b.map(fields));
}

/** True when `a` says more than `b` about the same member: a later request, or its decision. */
function supersedes(a: PairApproval, b: PairApproval): boolean {
  const ra = a.revision ?? 0;
  const rb = b.revision ?? 0;
  if (ra !== rb) return ra > rb;
  if (a.requestedAt !== b.requestedAt) return a.requestedAt > b.requestedAt;
  // The same request: a decision is final, so it wins over "pending" read earlier.
  return a.status !== 'pending' && b.status === 'pending';
}

/**
 * Records on the pair where its managers' approvals stand. Per member, the entry of the latest
 * request wins, and for the same request its decision wins over "pending": a writer holding an
 * older read of the approvals never undoes a newer request or decision. Nothing new: `changed`
 * false and the same pair.
 */
export function recordApprovals(
  pair: Pair,
  entries: readonly PairApproval[],
  clock: Clock,
): { pair: Pair; changed: boolean } {
  const byPerson = new Map((pair.approvals ?? []).map((entry) => [entry.personId, entry]));
  for (const entry of entries) {
    roleIn(pair, entry.personId);
    const seen = byPerson.get(entry.personId);
    if (!seen || supersedes(entry, seen)) byPerson.set(entry.personId, entry);
  }
  const approvals = [pair.mentorId, pair.menteeId].flatMap((id) => {
    const entry = byPerson.get(id);
    return entry ? [entry] : [];
  });
  if (sameApprovals(approvals, pair.approvals ?? [])) return { pair, changed: false };
  return {
    pair: { ...pair, approvals, updatedAt: clock.now().toISOString() },
    changed: true,
  };
}
