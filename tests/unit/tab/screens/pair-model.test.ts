import type { AgreementView } from '../../../../src/contracts/pairs';
import {
  agreementEditBody,
  agreementFormProblems,
  agreementFormValues,
  conflictCurrent,
  conflictNote,
  initialsOf,
  isoFromLocalInput,
  mergeTyped,
  mustSignAgain,
  offsetParts,
} from '../../../../tab/src/screens/pair/pair-model';
import { aPairView } from './pair-fixtures';

const agreement = (overrides: Partial<AgreementView> = {}): AgreementView => ({
  ...aPairView().agreement,
  ...overrides,
});

describe('the agreement form', () => {
  it('sends only what changed, lists one item per non-blank line', () => {
    const base = agreementFormValues(agreement());
    const typed = { ...base, mentorGoals: `${base.mentorGoals}\n\n  Lire un contrat type  \n` };
    expect(agreementEditBody(base, typed)).toEqual({
      mentorGoals: [
        'Comprendre les risques juridiques des réseaux sociaux',
        'Lire un contrat type',
      ],
    });
    expect(agreementEditBody(base, { ...base, subject: ` ${base.subject} ` })).toEqual({});
  });

  it('sends the whole frame when one of its fields changes, without an empty location', () => {
    const base = agreementFormValues(agreement());
    expect(agreementEditBody(base, { ...base, sessions: '8' })).toEqual({
      frame: { sessions: 8, durationMinutes: 60, frequency: 'biweekly', place: 'online' },
    });
    expect(agreementEditBody(base, { ...base, place: 'on_site', location: 'Lyon' }).frame).toEqual({
      sessions: 6,
      durationMinutes: 60,
      frequency: 'biweekly',
      place: 'on_site',
      location: 'Lyon',
    });
  });

  it('names each field over the server’s limits', () => {
    const base = agreementFormValues(agreement());
    expect(
      agreementFormProblems({
        ...base,
        menteeGoals: Array.from({ length: 11 }, (_, i) => `but ${i}`).join('\n'),
        groundRules: 'x'.repeat(301),
        sessions: '2.5',
        durationMinutes: '10',
      }),
    ).toEqual([
      { field: 'menteeGoals', problem: 'too_many' },
      { field: 'groundRules', problem: 'line_too_long' },
      { field: 'sessions', problem: 'out_of_range' },
      { field: 'durationMinutes', problem: 'out_of_range' },
    ]);
    expect(agreementFormProblems(base)).toEqual([]);
  });
});

describe('after a conflict', () => {
  it('keeps every field the person changed and takes the rest from the latest version', () => {
    const base = { subject: 'Teams', rules: 'A', confidentiality: 'C' };
    const typed = { subject: 'Teams', rules: 'A\nB', confidentiality: 'C' };
    const latest = { subject: 'Teams et OneNote', rules: 'A', confidentiality: 'D' };
    expect(mergeTyped(base, typed, latest)).toEqual({
      subject: 'Teams et OneNote',
      rules: 'A\nB',
      confidentiality: 'D',
    });
  });

  it('reads the current pair or note from the error details, and nothing from anything else', () => {
    const current = { pair: aPairView(), version: '"v7"' };
    expect(conflictCurrent({ id: 'pair-1', current })).toBe(current);
    expect(conflictCurrent({ current: { pair: aPairView() } })).toBeNull();
    expect(conflictCurrent(undefined)).toBeNull();
    const note = { sessionId: 's1', text: 'x', updatedAt: '2026-11-25T10:00:00Z', version: '3' };
    expect(conflictNote({ current: { note } })).toBe(note);
    expect(conflictNote({ current: {} })).toBeNull();
  });
});

describe('signatures', () => {
  it('asks both to sign again when someone signed an earlier revision', () => {
    expect(mustSignAgain(agreement())).toBe(false);
    expect(
      mustSignAgain(
        agreement({
          revision: 3,
          signatures: { mentor: { at: '2026-11-24T10:00:00Z', revision: 2 } },
        }),
      ),
    ).toBe(true);
    expect(mustSignAgain(agreement({ revision: 3, signatures: {} }), 'accepted')).toBe(false);
  });

  it('asks both to sign again when a pair past signing has an unsigned agreement', () => {
    const unsigned = agreement({ revision: 4, signatures: {}, signedByPartner: false });
    expect(mustSignAgain(unsigned, 'active')).toBe(true);
    expect(mustSignAgain(unsigned, 'paused')).toBe(true);
    expect(mustSignAgain({ ...unsigned, fullySigned: true }, 'active')).toBe(false);
  });
});

describe('small formats', () => {
  it('says how far ahead or behind the partner is', () => {
    expect(offsetParts(0)).toEqual({ direction: 'same', hours: 0, minutes: 0 });
    expect(offsetParts(-360)).toEqual({ direction: 'behind', hours: 6, minutes: 0 });
    expect(offsetParts(330)).toEqual({ direction: 'ahead', hours: 5, minutes: 30 });
  });

  it('makes initials from first and last names', () => {
    expect(initialsOf('Louise Nicolas')).toBe('LN');
    expect(initialsOf('  Jean Pierre de la Fontaine ')).toBe('JF');
    expect(initialsOf('Zoé')).toBe('Z');
  });

  it('reads a datetime-local value in the browser’s zone and refuses an incomplete one', () => {
    expect(isoFromLocalInput('2026-11-25T10:00')).toBe(new Date(2026, 10, 25, 10, 0).toISOString());
    expect(isoFromLocalInput('2026-11-25')).toBeNull();
    expect(isoFromLocalInput('')).toBeNull();
  });
});
