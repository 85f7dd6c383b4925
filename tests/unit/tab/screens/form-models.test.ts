import type { Programme } from '../../../../src/domain/programme';
import { profileTranslate } from '../../../../tab/src/screens/profile/profile-i18n';
import {
  editBodyOf as profileEditBody,
  errorsFromIssues,
  formValuesOf,
  mergeAfterConflict,
  validateProfileForm,
} from '../../../../tab/src/screens/profile/profile-form-model';
import {
  createBodyOf,
  editBodyOf,
  emptyProgrammeForm,
  newSkillRow,
  programmeFormOf,
  slugOf,
  validateProgrammeForm,
} from '../../../../tab/src/screens/programmes/programme-form-model';
import { programmesTranslate } from '../../../../tab/src/screens/programmes/programmes-i18n';
import { aProfile, aProgramme } from '../../../fixtures/builders';

const fr = profileTranslate('fr');
const en = programmesTranslate('en');

describe('the profile form model', () => {
  it('keeps, after a conflict, what the person changed and takes the rest from the latest save', () => {
    const base = formValuesOf(aProfile({ bio: 'old', workMode: 'hybrid' }));
    const typed = { ...base, bio: 'typed' };
    const latest = { ...base, workMode: 'remote' as const, bio: 'someone else' };
    expect(mergeAfterConflict(base, typed, latest)).toEqual({ ...latest, bio: 'typed' });
  });

  it('gives one specific French message per problem', () => {
    const values = {
      ...formValuesOf(aProfile()),
      languages: [],
      timeZone: 'Mars/Olympus',
      bio: 'x'.repeat(501),
      teaches: [{ skillId: 'teams', level: 4, goal: 'y'.repeat(301) }],
    };
    const errors = validateProfileForm(values, fr, ['Europe/Paris']);
    expect(errors.fields).toEqual({
      languages: 'Choisissez au moins une langue dans laquelle vous pouvez échanger.',
      timeZone:
        '« Mars/Olympus » n’est pas un fuseau horaire connu. Tapez une ville, par exemple Paris, et choisissez-la dans la liste.',
      bio: 'Votre texte compte 501 caractères ; réduisez-le à 500 au plus.',
    });
    expect(errors.teaches[0]?.goal).toBe(
      'Cet objectif compte 301 caractères ; réduisez-le à 300 au plus.',
    );
  });

  it("maps the server's issue paths to fields without showing its English text", () => {
    const errors = errorsFromIssues(
      [
        { path: 'learns.1.level', message: 'level must be at most 5' },
        { path: 'availability.3', message: 'slots overlap' },
        { path: 'unknownField', message: 'whatever' },
      ],
      fr,
    );
    expect(errors.learns[1]).toEqual({ level: 'Choisissez un niveau de 1 à 5.' });
    expect(errors.fields.availability).toMatch(/^Des créneaux se chevauchent/);
    expect(Object.keys(errors.fields)).toEqual(['availability']);
  });

  it('sends trimmed text and drops empty goals, keeping what the form does not edit', () => {
    const profile = aProfile({ location: 'Lyon', mentorCapacity: 2 });
    const body = profileEditBody(
      {
        ...formValuesOf(profile),
        bio: '  Bonjour  ',
        learns: [{ skillId: 'negotiation', level: 1, goal: '   ' }],
      },
      profile,
    );
    expect(body).toMatchObject({ bio: 'Bonjour', location: 'Lyon', mentorCapacity: 2 });
    expect(body.learns).toEqual([{ skillId: 'negotiation', level: 1 }]);
  });
});

describe('the programme form model', () => {
  it('derives skill ids from the English name, without accents, and refuses duplicates', () => {
    expect(slugOf('Power BI')).toBe('power-bi');
    expect(slugOf('  Négociation & vente  ')).toBe('negociation-vente');
    const values = emptyProgrammeForm();
    values.name = 'Pilote';
    values.startDate = '2027-01-01';
    values.endDate = '2027-06-30';
    values.skills = [
      { ...newSkillRow(), fr: 'Tableaux', en: 'Pivot tables' },
      { ...newSkillRow(), fr: 'Tableaux croisés', en: 'Pivot  tables!' },
      { ...newSkillRow(), fr: 'Rien', en: '' },
    ];
    const errors = validateProgrammeForm(values, en);
    expect(errors.skills).toEqual({
      1: { id: 'Same identifier as skill 1: give it another name.' },
      2: { en: 'Enter the name in this language.' },
    });
  });

  it('checks dates, frame numbers and weights as typed', () => {
    const values = {
      ...emptyProgrammeForm(),
      name: 'P',
      startDate: '2027-06-01',
      endDate: '2027-01-01',
      sessions: '0',
      durationMinutes: '1h',
      weights: { ...emptyProgrammeForm().weights, teach: '120', language: 'abc' },
    };
    const errors = validateProgrammeForm(values, en);
    expect(errors.fields).toMatchObject({
      endDate: 'The end date must be on or after the start date.',
      sessions: 'Enter a whole number from 1 to 52.',
      durationMinutes: 'Enter a whole number from 15 to 240.',
    });
    expect(Object.keys(errors.weights)).toEqual(['teach', 'language']);
  });

  it('round-trips a programme: percentages back to fractions, saved ids kept, the rest untouched', () => {
    const programme: Programme = aProgramme({ proposalResponseDays: 5 });
    const values = programmeFormOf(programme);
    expect(values.weights.teach).toBe('35');
    values.skills[0] = { ...values.skills[0]!, en: 'Microsoft Teams basics' };
    const body = editBodyOf(values, programme);
    expect(body.weights).toEqual(programme.weights);
    expect(body.skills[0]?.id).toBe(programme.skills[0]?.id);
    expect(body.leadIds).toEqual(programme.leadIds);
    expect(body.proposalResponseDays).toBe(5);
    expect(createBodyOf(values).frame).toEqual(programme.frame);
  });
});
