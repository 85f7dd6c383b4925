import { matchingInputSchema, type MatchingInputRaw } from '../../../src/domain/matching/input';
import { runMatching } from '../../../src/matching/engine';
import { aCohort, aMentee, aMentor } from '../../fixtures/matching/builders';

const run = (raw: MatchingInputRaw) => runMatching(matchingInputSchema.parse(raw));

describe('matching reasons', () => {
  it('explains a pair in English and French: skill, reciprocity, overlap, language, departments, seniority', () => {
    const result = run(
      aCohort(
        [
          aMentor({
            id: 'lea',
            name: 'Léa',
            teaches: [{ skill: 'power-bi', level: 4 }],
            learns: [{ skill: 'negotiation', level: 1 }],
            availability: [
              { day: 'tue', start: '09:00', end: '11:00' },
              { day: 'thu', start: '14:00', end: '16:00' },
            ],
            department: 'IT',
            seniority: 2,
          }),
          aMentee({
            id: 'marc',
            name: 'Marc',
            teaches: [{ skill: 'negotiation', level: 5 }],
            learns: [{ skill: 'power-bi', level: 1 }],
            availability: [
              { day: 'tue', start: '08:00', end: '10:00' },
              { day: 'thu', start: '14:00', end: '15:00' },
            ],
            department: 'Finance',
            seniority: 20,
          }),
        ],
        { skillNames: { 'power-bi': 'Power BI', negotiation: 'négociation' } },
      ),
    );
    expect(result.pairs).toHaveLength(1);
    expect(result.pairs[0]!.reasons).toEqual([
      {
        code: 'teaches',
        en: 'Léa teaches Power BI (4/5), which Marc wants to learn',
        fr: 'Léa enseigne Power BI (4/5), que Marc veut apprendre',
      },
      {
        code: 'reciprocity',
        en: 'In return, Marc shares négociation (5/5), which Léa wants to learn',
        fr: 'En retour, Marc partage négociation (5/5), que Léa veut apprendre',
      },
      {
        code: 'availability',
        en: '2 h overlap a week on Tuesday and Thursday',
        fr: '2 h de disponibilité commune par semaine le mardi et le jeudi',
      },
      { code: 'language', en: 'Both speak French', fr: 'Tous deux parlent français' },
      {
        code: 'diversity',
        en: 'Different departments: IT and Finance',
        fr: 'Départements différents : IT et Finance',
      },
      {
        code: 'seniority',
        en: 'Marc has 18 more years of experience than Léa',
        fr: "Marc a 18 ans d'expérience de plus que Léa",
      },
    ]);
  });

  it('elides « que » before a name that starts with a vowel: « qu’Anaïs Caron », not « que Anaïs »', () => {
    const result = run(
      aCohort(
        [
          aMentor({
            id: 'anais',
            name: 'Anaïs Caron',
            teaches: [{ skill: 'power-bi', level: 4 }],
            learns: [{ skill: 'negotiation', level: 1 }],
            seniority: 2,
          }),
          aMentee({
            id: 'ethan',
            name: 'Ethan Morel',
            teaches: [{ skill: 'negotiation', level: 5 }],
            learns: [{ skill: 'power-bi', level: 1 }],
            seniority: 20,
          }),
        ],
        { skillNames: { 'power-bi': 'Power BI', negotiation: 'négociation' } },
      ),
    );
    const fr = result.pairs[0]!.reasons.map((r) => r.fr);
    expect(fr).toContain('Anaïs Caron enseigne Power BI (4/5), qu’Ethan Morel veut apprendre');
    expect(fr).toContain(
      'En retour, Ethan Morel partage négociation (5/5), qu’Anaïs Caron veut apprendre',
    );
    expect(fr).toContain("Ethan Morel a 18 ans d'expérience de plus qu’Anaïs Caron");
    expect(fr.join(' ')).not.toMatch(/que [AEIOUÉ]/);
  });

  it('says in whose time the days are when time zones differ', () => {
    const result = run(
      aCohort([
        aMentor({
          id: 'lea',
          name: 'Léa',
          availability: [{ day: 'mon', start: '16:00', end: '19:00' }],
        }),
        aMentee({
          id: 'john',
          name: 'John',
          languages: ['en', 'fr'],
          timeZone: 'America/New_York',
          availability: [{ day: 'mon', start: '09:00', end: '12:00' }],
        }),
      ]),
    );
    const availability = result.pairs[0]!.reasons.find((r) => r.code === 'availability')!;
    expect(availability.en).toBe("2 h overlap a week on Monday (Léa's time)");
    expect(availability.fr).toBe(
      '2 h de disponibilité commune par semaine le lundi (heure de Léa)',
    );
  });

  it('tells each unmatched person why, in both languages', () => {
    const result = run(
      aCohort(
        [
          aMentor({ id: 'lea', teaches: [{ skill: 'power-bi', level: 4 }] }),
          aMentee({ id: 'akiko', learns: [{ skill: 'genai', level: 1 }] }),
          aMentee({ id: 'john', languages: ['en'] }),
          aMentee({ id: 'night', availability: [{ day: 'tue', start: '20:00', end: '22:00' }] }),
          aMentee({ id: 'marc', availability: [{ day: 'tue', start: '09:00', end: '12:00' }] }),
          aMentee({ id: 'zoe', availability: [{ day: 'tue', start: '09:00', end: '10:00' }] }),
          aMentee({ id: 'paused', paused: true }),
          aMentee({ id: 'out', optedIn: false }),
        ],
        { skillNames: { genai: 'GenAI' } },
      ),
    );
    const reasons = Object.fromEntries(result.unmatched.map((u) => [u.id, u.reasons]));
    expect(reasons.akiko).toEqual([
      { code: 'nobody_teaches', en: 'Nobody teaches GenAI', fr: "Personne n'enseigne GenAI" },
    ]);
    expect(reasons.john).toEqual([
      {
        code: 'no_common_language',
        en: 'No common language with 1 mentor who matches on skills',
        fr: 'Aucune langue commune avec 1 mentor qui correspond par les compétences',
      },
    ]);
    expect(reasons.night![0]!.code).toBe('no_overlap');
    expect(reasons.night![0]!.en).toBe(
      'No overlapping availability of 1 h a week with 1 mentor who matches on skills and language',
    );
    // Marc and Zoé both fit Léa; the better-scoring one (more overlap) gets her.
    expect(result.pairs.map((p) => p.menteeId)).toEqual(['marc']);
    expect(reasons.zoe).toEqual([
      {
        code: 'capacity_exhausted',
        en: 'The one compatible mentor is at capacity with better-scoring pairs',
        fr: 'Le seul mentor compatible est complet, avec des binômes mieux notés',
      },
    ]);
    expect(reasons.paused![0]!.code).toBe('paused');
    expect(reasons.out![0]!.code).toBe('not_opted_in');
  });

  it('tells an unmatched mentor that nobody wants to learn what they teach', () => {
    const result = run(
      aCohort([
        aMentor({ id: 'lea', teaches: [{ skill: 'cobol', level: 5 }] }),
        aMentee({ id: 'marc' }),
      ]),
    );
    const lea = result.unmatched.find((u) => u.id === 'lea')!;
    expect(lea.reasons).toEqual([
      {
        code: 'nobody_learns',
        en: 'Nobody wants to learn cobol',
        fr: 'Personne ne veut apprendre cobol',
      },
    ]);
  });

  it('names mentees without a gender in French: « 2 personnes mentorées », not « 2 mentorés »', () => {
    const result = run(
      aCohort([
        aMentor({ id: 'john', languages: ['en'] }),
        aMentee({ id: 'marc' }),
        aMentee({ id: 'zoe' }),
      ]),
    );
    const john = result.unmatched.find((u) => u.id === 'john')!;
    expect(john.reasons[0]!.fr).toBe(
      'Aucune langue commune avec 2 personnes mentorées qui correspondent par les compétences',
    );
  });

  it('gives a `both` person the reasons for each role', () => {
    const result = run(aCohort([aMentor({ id: 'sam', role: 'both', teaches: [], learns: [] })]));
    expect(result.unmatched[0]!.reasons).toEqual([
      {
        code: 'nothing_to_learn',
        en: 'As a mentee: lists no skill to learn',
        fr: "En tant que personne mentorée : n'indique aucune compétence à apprendre",
      },
      {
        code: 'nothing_to_teach',
        en: 'As a mentor: lists no skill to teach',
        fr: "En tant que mentor : n'indique aucune compétence à enseigner",
      },
    ]);
  });
});
