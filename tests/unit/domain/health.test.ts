import {
  isSmallGroup,
  median,
  nudgeAvailability,
  risksOf,
  sessionWeeks,
  skillOfGoal,
  weekStartOf,
} from '../../../src/domain/health';
import { aFeedback, aPair, aSession, anAgreement, sampleSkills } from '../../fixtures/builders';

const now = new Date('2026-06-15T09:00:00.000Z');
const signed = {
  mentor: { at: '2026-05-05T09:00:00.000Z', revision: 1 },
  mentee: { at: '2026-05-05T09:00:00.000Z', revision: 1 },
};

describe('risksOf', () => {
  it('finds nothing wrong with an active pair that met last week', () => {
    const pair = aPair({
      agreement: anAgreement({ signatures: signed }),
      createdAt: '2026-05-04T09:00:00.000Z',
      sessions: [aSession({ start: '2026-06-08T09:00:00.000Z', status: 'held' })],
    });
    expect(risksOf(pair, [], now)).toEqual([]);
  });

  it('counts 14 days without a session from pairing when nothing was held', () => {
    const pair = aPair({
      agreement: anAgreement({ signatures: signed }),
      createdAt: '2026-06-01T09:00:00.000Z',
    });
    expect(risksOf(pair, [], now)).toEqual([{ code: 'no_session_14_days', days: 14 }]);
  });

  it('never flags a paused or finished pair', () => {
    for (const state of ['paused', 'completed', 'ended', 'proposed'] as const) {
      const pair = aPair({ state, createdAt: '2026-01-01T09:00:00.000Z' });
      expect(risksOf(pair, [], now), state).toEqual([]);
    }
  });

  it('flags a low rating and a poor fit from either side', () => {
    const pair = aPair({
      agreement: anAgreement({ signatures: signed }),
      createdAt: '2026-06-10T09:00:00.000Z',
      sessions: [aSession({ id: 'session-1', start: '2026-06-12T09:00:00.000Z', status: 'held' })],
      feedback: [
        aFeedback({ fromId: 'mentor-1', toId: 'mentee-1', rating: 2, pairingFit: 'poor' }),
      ],
    });
    expect(risksOf(pair, [], now).map((r) => r.code)).toEqual(['low_rating', 'not_a_good_fit']);
  });
});

describe('skillOfGoal', () => {
  it('finds the catalogue skill a goal names, in French or English, without accents or case', () => {
    expect(skillOfGoal('Construire un tableau de bord power bi', sampleSkills)).toBe('power-bi');
    expect(skillOfGoal('Better cyber hygiene at home', sampleSkills)).toBe('cyber-hygiene');
    expect(skillOfGoal('Apprendre la negociation', sampleSkills)).toBe('negotiation');
    expect(skillOfGoal('Mieux présenter en réunion', sampleSkills)).toBeUndefined();
  });

  it('names a digital skill by its label’s head, but not a know-how one', () => {
    const skills = [
      {
        id: 'copilot',
        label: { fr: 'Copilot et IA générative', en: 'Copilot and generative AI' },
        kind: 'digital' as const,
      },
      {
        id: 'company-culture',
        label: { fr: 'Culture et histoire', en: 'Culture and history' },
        kind: 'know_how' as const,
      },
    ];
    expect(skillOfGoal('Rédiger avec Copilot', skills)).toBe('copilot');
    expect(skillOfGoal('La culture de la donnée', skills)).toBeUndefined();
  });
});

describe('small groups, medians, weeks and nudges', () => {
  it('suppresses 1 to 4 people, never 0 or 5', () => {
    expect([0, 1, 4, 5].map(isSmallGroup)).toEqual([false, true, true, false]);
  });

  it('takes the median of an odd and an even count', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeUndefined();
  });

  it('starts weeks on Monday (UTC)', () => {
    expect(weekStartOf('2026-06-14T23:00:00.000Z')).toBe('2026-06-08');
    expect(weekStartOf('2026-06-15T00:00:00.000Z')).toBe('2026-06-15');
  });

  it('covers the programme’s weeks, from its start to its end, with no session yet', () => {
    const weeks = sessionWeeks({ startDate: '2026-06-03', endDate: '2026-06-30' }, []);
    expect(weeks).toEqual(['2026-06-01', '2026-06-08', '2026-06-15', '2026-06-22', '2026-06-29']);
  });

  it('starts the weeks at the first session when a pair met before the programme started', () => {
    const weeks = sessionWeeks({ startDate: '2026-06-15', endDate: '2026-06-21' }, [
      '2026-06-16T09:00:00.000Z',
      '2026-05-27T09:00:00Z',
      '2026-06-02T09:00:00.000Z',
    ]);
    expect(weeks).toEqual(['2026-05-25', '2026-06-01', '2026-06-08', '2026-06-15']);
  });

  it('ends the weeks at the last session when one is held after the programme’s end', () => {
    const weeks = sessionWeeks({ startDate: '2026-06-15', endDate: '2026-06-21' }, [
      '2026-06-30T09:00:00.000Z',
    ]);
    expect(weeks).toEqual(['2026-06-15', '2026-06-22', '2026-06-29']);
  });

  it('keeps the latest 60 weeks of a longer span', () => {
    const weeks = sessionWeeks({ startDate: '2025-01-06', endDate: '2026-06-28' }, []);
    expect(weeks).toHaveLength(60);
    expect(weeks.at(-1)).toBe('2026-06-22');
    expect(weeks[0]).toBe('2025-05-05');
  });

  it('allows one nudge per 7 days', () => {
    expect(nudgeAvailability(undefined, now)).toEqual({
      available: true,
      lastSentAt: null,
      nextAvailableAt: null,
    });
    expect(nudgeAvailability('2026-06-09T09:00:00.000Z', now)).toEqual({
      available: false,
      lastSentAt: '2026-06-09T09:00:00.000Z',
      nextAvailableAt: '2026-06-16T09:00:00.000Z',
    });
    expect(nudgeAvailability('2026-06-08T09:00:00.000Z', now).available).toBe(true);
  });
});
