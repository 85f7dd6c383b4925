import {
  byGender,
  deFr,
  elideBeforePlaceholders,
  elidesBefore,
  queFr,
} from '../../../src/domain/french';
import { createTranslateFor } from '../../../tab/src/i18n/catalogue';

describe('French elision', () => {
  it('elides before a vowel or a mute h, not before a consonant or a y', () => {
    expect(
      ['Adam', 'Élodie', 'Anaïs', 'Ines', 'œuvre', 'Hélène', 'Henri', 'Hervé'].every(elidesBefore),
    ).toBe(true);
    expect(['Yanis', 'Louise', 'Romain', ''].some(elidesBefore)).toBe(false);
  });

  it('keeps the full form before an aspirated h: « de Hollande », « de Hugo », not « d’Hollande »', () => {
    expect(deFr('Hollande')).toBe('de Hollande');
    expect(deFr('Hugo Fournier')).toBe('de Hugo Fournier');
    expect(queFr('Hugues Petit')).toBe('que Hugues Petit');
    expect(deFr('Hauts-de-France')).toBe('de Hauts-de-France');
    expect(deFr('Hélène Garnier')).toBe('d’Hélène Garnier');
    expect(queFr('Anaïs Caron')).toBe('qu’Anaïs Caron');
    expect(queFr('Martine Chevalier')).toBe('que Martine Chevalier');
  });

  it('elides « que {x} » / « de {x} » in a template only where the value needs it', () => {
    const template = 'en tant que {name}, le binôme de {partner} et de {other}';
    expect(
      elideBeforePlaceholders(template, { name: 'Hélène', partner: 'Hugo', other: 'Adam' }),
    ).toBe('en tant qu’{name}, le binôme de {partner} et d’{other}');
    // Only right before a placeholder; numbers are left alone.
    expect(elideBeforePlaceholders('que {count} de {x}', { count: 8, x: 'Romain' })).toBe(
      'que {count} de {x}',
    );
  });

  it('is what every French catalogue of the tab does, English untouched', () => {
    const en = { k: 'Before {name}, the pair of {partner}' } as const;
    const fr = { k: 'Avant que {name} arrive, le binôme de {partner}' };
    expect(
      createTranslateFor<typeof en>('fr', fr)('k', { name: 'Anaïs Caron', partner: 'Hugo' }),
    ).toBe('Avant qu’Anaïs Caron arrive, le binôme de Hugo');
    expect(createTranslateFor<typeof en>('en', en)('k', { name: 'Anaïs', partner: 'Ethan' })).toBe(
      'Before Anaïs, the pair of Ethan',
    );
  });
});

describe('French agreement with a person’s gender', () => {
  it('agrees when the gender is known and falls back to a neutral wording, never « ·e »', () => {
    const forms = { female: 'mentorée', male: 'mentoré', neutral: 'personne mentorée' };
    expect(byGender('female', forms)).toBe('mentorée');
    expect(byGender('male', forms)).toBe('mentoré');
    expect(byGender(undefined, forms)).toBe('personne mentorée');
  });
});
