import { z } from 'zod';
import { integer } from '../common';
import type { Pair } from '../pair/schema';
import type { Programme } from '../programme';

/** Months a closed programme's personal data is kept, unless its lead chose otherwise. */
export const defaultRetentionMonths = 12;
export const retentionMonthsSchema = integer('retentionMonths', 1, 120);

/** The months this programme keeps personal data after it closes. */
export function retentionMonthsOf(programme: Pick<Programme, 'retentionMonths'>): number {
  return programme.retentionMonths ?? defaultRetentionMonths;
}

/** `months` calendar months after `iso` (the last day of a shorter month when the day overflows). */
export function addMonths(iso: string, months: number): string {
  const d = new Date(iso);
  const day = d.getUTCDate();
  const target = new Date(
    Date.UTC(
      d.getUTCFullYear(),
      d.getUTCMonth() + months,
      1,
      d.getUTCHours(),
      d.getUTCMinutes(),
      d.getUTCSeconds(),
      d.getUTCMilliseconds(),
    ),
  );
  const lastDay = new Date(
    Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0),
  ).getUTCDate();
  target.setUTCDate(Math.min(day, lastDay));
  return target.toISOString();
}

/** When the programme closed: recorded on close; older closed programmes count from their last change. */
export function closedAtOf(programme: Programme): string | undefined {
  if (programme.status !== 'closed') return undefined;
  return programme.closedAt ?? programme.updatedAt;
}

/** When its personal data is purged (ISO), or undefined while it is open. */
export function purgeDueAt(programme: Programme): string | undefined {
  const closedAt = closedAtOf(programme);
  return closedAt ? addMonths(closedAt, retentionMonthsOf(programme)) : undefined;
}

/** True when the programme is closed, its retention has run out and it was not purged yet. */
export function isPurgeDue(programme: Programme, now: Date): boolean {
  const due = purgeDueAt(programme);
  return !programme.purgedAt && due !== undefined && due <= now.toISOString();
}

/** The programme's figures kept after the purge: counts and averages, nobody named. */
export const anonymousSummarySchema = z.object({
  participants: z.number().int().min(0),
  pairs: z.number().int().min(0),
  pairsByState: z.record(z.string(), z.number().int().min(0)),
  sessionsPlanned: z.number().int().min(0),
  sessionsHeld: z.number().int().min(0),
  /** Mean rating (1–4) the mentees gave, the mentors gave; null with fewer than 5 ratings. */
  satisfaction: z.object({
    fromMentees: z.number().nullable(),
    fromMentors: z.number().nullable(),
    ratings: z.number().int().min(0),
  }),
});
export type AnonymousSummary = z.infer<typeof anonymousSummarySchema>;

/** DESIGN.md: any breakdown of fewer than 5 people is not shown. */
const minimumGroup = 5;

/** The anonymous figures of a programme from its pairs and its number of participants. */
export function anonymousSummary(pairs: readonly Pair[], participants: number): AnonymousSummary {
  const pairsByState: Record<string, number> = {};
  let sessionsPlanned = 0;
  let sessionsHeld = 0;
  const fromMentees: number[] = [];
  const fromMentors: number[] = [];
  for (const pair of pairs) {
    pairsByState[pair.state] = (pairsByState[pair.state] ?? 0) + 1;
    for (const s of pair.sessions) {
      if (s.status !== 'cancelled') sessionsPlanned++;
      if (s.status === 'held') sessionsHeld++;
    }
    for (const f of pair.feedback) {
      if (f.fromId === pair.menteeId) fromMentees.push(f.rating);
      else if (f.fromId === pair.mentorId) fromMentors.push(f.rating);
    }
  }
  const mean = (xs: number[]) =>
    xs.length < minimumGroup
      ? null
      : Math.round((xs.reduce((a, b) => a + b, 0) / xs.length) * 100) / 100;
  return {
    participants,
    pairs: pairs.length,
    pairsByState,
    sessionsPlanned,
    sessionsHeld,
    satisfaction: {
      fromMentees: mean(fromMentees),
      fromMentors: mean(fromMentors),
      ratings: fromMentees.length + fromMentors.length,
    },
  };
}
