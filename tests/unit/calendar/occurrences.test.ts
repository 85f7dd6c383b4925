import { describe, expect, it } from 'vitest';
import { reconcileOccurrences } from '../../../src/domain/calendar/occurrences';

const booked = [
  { occurrenceKey: '2026-03-17T14:00:00Z', start: '2026-03-17T14:00:00Z' },
  { occurrenceKey: '2026-03-24T14:00:00.000Z', start: '2026-03-24T14:00:00.000Z' },
  { occurrenceKey: '2026-03-31T13:00:00.000Z', start: '2026-03-31T13:00:00.000Z' },
];
const seen = (key: string, start = key, response: 'accepted' | 'declined' = 'accepted') => ({
  occurrenceKey: key,
  start,
  end: new Date(Date.parse(start) + 3_600_000).toISOString(),
  responses: [{ email: 'chloe@contoso.com', response }],
});

describe('reconciling booked sessions with the calendar', () => {
  it('reports nothing when the calendar matches, whatever the ISO spelling', () => {
    const observed = booked.map((b) => seen(new Date(b.occurrenceKey).toISOString()));
    expect(
      reconcileOccurrences(booked, observed, {
        start: '2026-03-16T00:00:00Z',
        end: '2026-04-06T00:00:00Z',
      }),
    ).toEqual([]);
  });

  it('only calls a session cancelled when it was due inside the window read', () => {
    const changes = reconcileOccurrences(booked, [seen('2026-03-17T14:00:00.000Z')], {
      start: '2026-03-16T00:00:00Z',
      end: '2026-03-30T00:00:00Z',
    });
    expect(changes).toEqual([{ kind: 'cancelled', occurrenceKey: '2026-03-24T14:00:00.000Z' }]);
  });

  it('reports a move and a decline on the same session', () => {
    const changes = reconcileOccurrences(
      booked,
      [seen('2026-03-17T14:00:00.000Z', '2026-03-18T09:00:00.000Z', 'declined')],
      { start: '2026-03-16T00:00:00Z', end: '2026-03-20T00:00:00Z' },
    );
    expect(changes).toEqual([
      {
        kind: 'moved',
        occurrenceKey: '2026-03-17T14:00:00.000Z',
        start: '2026-03-18T09:00:00.000Z',
        end: '2026-03-18T10:00:00.000Z',
      },
      { kind: 'declined', occurrenceKey: '2026-03-17T14:00:00.000Z', email: 'chloe@contoso.com' },
    ]);
  });
});
