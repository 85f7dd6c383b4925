/** How an attendee answered an occurrence (Graph's responseType, lower-cased). */
export type AttendeeResponse =
  'none' | 'organizer' | 'tentativelyAccepted' | 'accepted' | 'declined' | 'notResponded';

/** An occurrence as a calendar reports it now. */
export type ObservedOccurrence = {
  /** The original start (ISO UTC): the key that never changes, even once the occurrence moves. */
  readonly occurrenceKey: string;
  readonly start: string;
  readonly end: string;
  readonly responses: readonly { readonly email: string; readonly response: AttendeeResponse }[];
};

/** What changed since booking, for the pair's sessions. */
export type OccurrenceChange =
  | {
      readonly kind: 'moved';
      readonly occurrenceKey: string;
      readonly start: string;
      readonly end: string;
    }
  | { readonly kind: 'declined'; readonly occurrenceKey: string; readonly email: string }
  | { readonly kind: 'cancelled'; readonly occurrenceKey: string };

/** The occurrence key of a planned start: its ISO UTC instant, normalised. */
export function occurrenceKeyOf(start: string | number | Date): string {
  return new Date(start).toISOString();
}

/**
 * Compares what was booked with what the calendar shows in a window: occurrences that moved,
 * attendees who declined, and booked occurrences that are gone (cancelled from Outlook).
 */
export function reconcileOccurrences(
  planned: readonly { readonly occurrenceKey: string; readonly start: string }[],
  observed: readonly ObservedOccurrence[],
  window: { readonly start: string; readonly end: string },
): OccurrenceChange[] {
  const byKey = new Map(observed.map((o) => [occurrenceKeyOf(o.occurrenceKey), o]));
  const from = Date.parse(window.start);
  const to = Date.parse(window.end);
  const changes: OccurrenceChange[] = [];
  for (const booked of planned) {
    const key = occurrenceKeyOf(booked.occurrenceKey);
    const seen = byKey.get(key);
    if (!seen) {
      const at = Date.parse(booked.start);
      // An occurrence that moved outside the window is not "gone": only judge those inside it.
      if (at >= from && at < to && Date.parse(key) >= from && Date.parse(key) < to) {
        changes.push({ kind: 'cancelled', occurrenceKey: key });
      }
      continue;
    }
    if (Date.parse(seen.start) !== Date.parse(booked.start)) {
      changes.push({ kind: 'moved', occurrenceKey: key, start: seen.start, end: seen.end });
    }
    for (const answer of seen.responses) {
      if (answer.response === 'declined') {
        changes.push({ kind: 'declined', occurrenceKey: key, email: answer.email });
      }
    }
  }
  return changes;
}
