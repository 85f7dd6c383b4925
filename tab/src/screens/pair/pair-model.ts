import type {
  AgreementView,
  FeedbackView,
  PairResponse,
  PairView,
  PrivateNoteView,
  SessionView,
} from '../../../../src/contracts/pairs';
import type { Frame } from '../../../../src/domain/programme';
import { keepTyped } from '../../data/keep-typed';

/** The agreement as its edit form holds it: lists are edited one item per line. */
export type AgreementFormValues = {
  subject: string;
  menteeGoals: string;
  mentorGoals: string;
  sessions: string;
  durationMinutes: string;
  frequency: Frame['frequency'];
  place: Frame['place'];
  location: string;
  groundRules: string;
  confidentiality: string;
};

/** The edit form's values for an agreement. */
export function agreementFormValues(agreement: AgreementView): AgreementFormValues {
  return {
    subject: agreement.subject,
    menteeGoals: agreement.menteeGoals.join('\n'),
    mentorGoals: agreement.mentorGoals.join('\n'),
    sessions: String(agreement.frame.sessions),
    durationMinutes: String(agreement.frame.durationMinutes),
    frequency: agreement.frame.frequency,
    place: agreement.frame.place,
    location: agreement.frame.location ?? '',
    groundRules: agreement.groundRules.join('\n'),
    confidentiality: agreement.confidentiality,
  };
}

/** One item per non-blank line, trimmed. */
export function linesOf(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

export type AgreementFormProblem =
  | { field: 'subject'; problem: 'too_long' }
  | { field: 'menteeGoals' | 'mentorGoals'; problem: 'too_many' | 'line_too_long' }
  | { field: 'groundRules'; problem: 'too_many' | 'line_too_long' }
  | { field: 'sessions' | 'durationMinutes'; problem: 'out_of_range' }
  | { field: 'location' | 'confidentiality'; problem: 'too_long' };

const wholeIn = (text: string, min: number, max: number) => {
  const n = Number(text);
  return text.trim() !== '' && Number.isInteger(n) && n >= min && n <= max;
};

/** The same limits as the server's schema, checked before sending so each field says what is wrong. */
export function agreementFormProblems(values: AgreementFormValues): AgreementFormProblem[] {
  const problems: AgreementFormProblem[] = [];
  if (values.subject.trim().length > 200) problems.push({ field: 'subject', problem: 'too_long' });
  for (const [field, max] of [
    ['menteeGoals', 10],
    ['mentorGoals', 10],
    ['groundRules', 20],
  ] as const) {
    const lines = linesOf(values[field]);
    if (lines.length > max) problems.push({ field, problem: 'too_many' });
    else if (lines.some((line) => line.length > 300)) {
      problems.push({ field, problem: 'line_too_long' });
    }
  }
  if (!wholeIn(values.sessions, 1, 52))
    problems.push({ field: 'sessions', problem: 'out_of_range' });
  if (!wholeIn(values.durationMinutes, 15, 240)) {
    problems.push({ field: 'durationMinutes', problem: 'out_of_range' });
  }
  if (values.location.trim().length > 200)
    problems.push({ field: 'location', problem: 'too_long' });
  if (values.confidentiality.trim().length > 2000) {
    problems.push({ field: 'confidentiality', problem: 'too_long' });
  }
  return problems;
}

/** The `PUT /agreement` body: only what changed since `base`, so an edit never rewrites the rest. */
export function agreementEditBody(base: AgreementFormValues, values: AgreementFormValues) {
  const body: {
    subject?: string;
    menteeGoals?: string[];
    mentorGoals?: string[];
    frame?: Frame;
    groundRules?: string[];
    confidentiality?: string;
  } = {};
  if (values.subject.trim() !== base.subject.trim()) body.subject = values.subject.trim();
  for (const field of ['menteeGoals', 'mentorGoals', 'groundRules'] as const) {
    if (linesOf(values[field]).join('\n') !== linesOf(base[field]).join('\n')) {
      body[field] = linesOf(values[field]);
    }
  }
  const frameFields = [
    'sessions',
    'durationMinutes',
    'frequency',
    'place',
    'location',
  ] as const satisfies readonly (keyof AgreementFormValues)[];
  if (frameFields.some((field) => values[field].trim() !== base[field].trim())) {
    const location = values.location.trim();
    body.frame = {
      sessions: Number(values.sessions),
      durationMinutes: Number(values.durationMinutes),
      frequency: values.frequency,
      place: values.place,
      ...(location !== '' ? { location } : {}),
    };
  }
  if (values.confidentiality.trim() !== base.confidentiality.trim()) {
    body.confidentiality = values.confidentiality.trim();
  }
  return body;
}

/**
 * After a `version_conflict`: the latest values, with every field the person changed since `base`
 * (what they loaded) kept as they typed it. Nothing typed is lost; the partner's other edits show.
 */
export function mergeTyped<T extends Record<string, string>>(base: T, typed: T, latest: T): T {
  return keepTyped(base, typed, latest, (a, b) => a === b);
}

/** The pair carried by a 409 `version_conflict` (`details.current`), or null if absent. */
export function conflictCurrent(details: unknown): PairResponse | null {
  if (typeof details !== 'object' || details === null || !('current' in details)) return null;
  const current = (details as { current: unknown }).current;
  if (
    typeof current === 'object' &&
    current !== null &&
    'pair' in current &&
    'version' in current &&
    typeof (current as { version: unknown }).version === 'string'
  ) {
    return current as PairResponse;
  }
  return null;
}

/** The private note carried by a 409 on a private note (`details.current.note`), or null. */
export function conflictNote(details: unknown): PrivateNoteView | null {
  if (typeof details !== 'object' || details === null || !('current' in details)) return null;
  const current = (details as { current: unknown }).current;
  if (typeof current === 'object' && current !== null && 'note' in current) {
    return (current as { note: PrivateNoteView }).note;
  }
  return null;
}

/**
 * Both must sign again: someone signed an earlier revision, or the pair got past signing (only a
 * signed agreement lets it start) and the agreement changed since. The server clears signatures on
 * a change, so for an accepted pair only a change seen on screen tells (`PairContext`).
 */
export function mustSignAgain(agreement: AgreementView, state?: PairView['state']): boolean {
  if (agreement.fullySigned) return false;
  const { mentor, mentee } = agreement.signatures;
  if ([mentor, mentee].some((s) => s !== undefined && s.revision < agreement.revision)) return true;
  return state === 'awaiting_approval' || state === 'active' || state === 'paused';
}

/** Hours and minutes between the partner's clock and mine, for "2 h ahead of you". */
export function offsetParts(minutes: number): {
  direction: 'ahead' | 'behind' | 'same';
  hours: number;
  minutes: number;
} {
  if (minutes === 0) return { direction: 'same', hours: 0, minutes: 0 };
  const abs = Math.abs(minutes);
  return {
    direction: minutes > 0 ? 'ahead' : 'behind',
    hours: Math.floor(abs / 60),
    minutes: abs % 60,
  };
}

/** Initials for an avatar without a photo: "Louise Nicolas" → "LN". */
export function initialsOf(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  const first = parts[0]?.[0] ?? '';
  const last = parts.length > 1 ? (parts[parts.length - 1]?.[0] ?? '') : '';
  return (first + last).toUpperCase();
}

/** `datetime-local` input value → ISO instant in the browser's zone, or null when incomplete. */
export function isoFromLocalInput(value: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value)) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

/** Today in the browser's zone as `YYYY-MM-DD` (for date inputs' `min`). */
export function localDate(at: Date, plusDays = 0): string {
  const d = new Date(at.getFullYear(), at.getMonth(), at.getDate() + plusDays);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** The goals the caller assesses: their own side's, still in the agreement. */
export function myGoals(pair: PairView): PairView['progress']['goals'] {
  return pair.progress.goals.filter((g) => g.personId === pair.me.personId && g.inAgreement);
}

/** The session to open first: one awaiting my feedback, else the next one, else the latest. */
export function focusSessionId(pair: PairView): string | null {
  const awaiting = pair.sessions.find((s) => s.awaitingMyFeedback);
  if (awaiting) return awaiting.id;
  if (pair.nextSession) return pair.nextSession.id;
  return pair.sessions[pair.sessions.length - 1]?.id ?? null;
}

/**
 * The managers who declined while the pair waits for approval (the caller's own first): the pair
 * no longer just waits, it has to change the agreement and sign again.
 */
export function declinedApprovals(pair: Pick<PairView, 'state' | 'approvals'>) {
  return pair.state === 'awaiting_approval'
    ? pair.approvals.filter((approval) => approval.status === 'declined')
    : [];
}

/**
 * The date a feedback is shown with, given or received alike: the date of the session it is
 * about (when it was sent, or last changed, says nothing about which meeting it means). The
 * sending time only when the session is no longer listed.
 */
export function feedbackDay(
  feedback: Pick<FeedbackView, 'sessionId' | 'at'>,
  sessions: readonly Pick<SessionView, 'id' | 'start'>[],
): string {
  return sessions.find((s) => s.id === feedback.sessionId)?.start ?? feedback.at;
}
