import {
  defaultDigitalSkills,
  matchTopic,
  normaliseTopic,
} from '../../../../src/domain/buddy/topics';

const skillOf = (text: string) => {
  const match = matchTopic(text, defaultDigitalSkills);
  return match.kind === 'skill' ? match.skillId : `unknown:${match.key}`;
};

describe('matching a typed topic to the catalogue', () => {
  it('ignores accents, case and punctuation', () => {
    expect(normaliseTopic('  Réseaux   SOCIAUX !')).toBe('reseaux sociaux');
    expect(skillOf('RÉSEAUX SOCIAUX')).toBe('social-media');
    expect(skillOf('excel avance')).toBe('excel-advanced');
  });

  it('knows French and English names', () => {
    expect(skillOf('Hygiène cyber')).toBe('cyber-hygiene');
    expect(skillOf('cyber hygiene')).toBe('cyber-hygiene');
    expect(skillOf('Advanced Excel')).toBe('excel-advanced');
  });

  it('knows common synonyms: teams → Microsoft Teams, xls → Excel', () => {
    expect(skillOf('teams')).toBe('teams');
    expect(skillOf('XLS')).toBe('excel-advanced');
    expect(skillOf('powerbi')).toBe('power-bi');
    expect(skillOf('ChatGPT')).toBe('copilot');
    expect(skillOf('Copilote')).toBe('copilot');
  });

  it('finds a skill named by one word of its name, or inside a sentence', () => {
    expect(skillOf('Excel')).toBe('excel-advanced');
    expect(skillOf('formules excel')).toBe('excel-advanced');
    expect(skillOf('mot de passe oublié')).toBe('cyber-hygiene');
  });

  it('keeps anything else as an unknown topic, normalised for counting', () => {
    expect(skillOf('Photoshop')).toBe('unknown:photoshop');
    const match = matchTopic('  Photoshop ', defaultDigitalSkills);
    expect(match).toEqual({ kind: 'unknown', key: 'photoshop', text: 'Photoshop' });
  });
});
