import { z } from 'zod';
import { dateTime, idOf, idSchema, tenantIdSchema } from '../common';
import { recurrenceRuleSchema } from './calendar-series';
import type { RecurrenceRule } from './recurrence';

/**
 * A booking under way (calendar container, `kind: 'booking'`, one per pair): written before the
 * series is made in the calendar, deleted once the pair holds it. One still there with no series
 * on the pair is a booking the process died in the middle of: its series may be in both calendars
 * with its invitations sent, so the next booking completes it rather than make a second series.
 */
export const bookingIntentSchema = z.object({
  id: idSchema,
  tenantId: tenantIdSchema,
  kind: z.literal('booking'),
  pairId: idOf('pairId'),
  /** The slot chosen: booking it again finds the same series (deterministic id, transactionId). */
  rule: recurrenceRuleSchema,
  /** The member who chose it. */
  by: idOf('by'),
  at: dateTime('at'),
});
export type BookingIntent = z.infer<typeof bookingIntentSchema>;

/** The id of a pair's booking under way. */
export function bookingIntentId(pairId: string): string {
  return `booking-${pairId}`;
}

/** True when two slots are the same booking (every field of the rule alike). */
export function sameRule(a: RecurrenceRule, b: RecurrenceRule): boolean {
  return (
    a.frequency === b.frequency &&
    a.timeZone === b.timeZone &&
    a.firstDate === b.firstDate &&
    a.localStart === b.localStart &&
    a.durationMinutes === b.durationMinutes &&
    a.count === b.count
  );
}
