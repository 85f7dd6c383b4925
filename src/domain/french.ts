// French grammar the product's sentences need around names and words only known at run time, in
// one place for the tab, the bot and the server's ready-made sentences.
//
// Elision: « que » and « de » (and « le », « la ») lose their vowel before a word that starts with
// a vowel sound: a vowel or a mute h (« qu’Anaïs », « d’Hélène », « d’Hugues » is wrong: see below).
// An aspirated h keeps the full form (« de Hollande », « de Hugo », « la hiérarchie »); there is no
// rule for it, so the words and names are listed. A « y » before a vowel is a consonant
// (« de Yanis », « de Yoann »): left alone.
//
// Gender: a sentence about a person agrees with their gender when it is known; when it is not (the
// directory does not say), the sentence is reworded to be neutral rather than written with « ·e ».

/**
 * Words and names that start with an aspirated h (no elision, no liaison), compared without case or
 * accents. Names not listed take elision (« d’Hélène », « d’Henri », « d’Hervé »).
 */
export const aspiratedH: ReadonlySet<string> = new Set([
  // Names
  'hollande',
  'hugo',
  'hugues',
  'hongrie',
  'hauts-de-france',
  'havre',
  // Words the product may place after « de » / « que »
  'haut',
  'haute',
  'hauteur',
  'hasard',
  'hall',
  'handicap',
  'hiérarchie',
  'hors',
  'honte',
  'héros',
  'hâte',
]);

function fold(word: string): string {
  return word
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
}

const vowel = /^[aeiouœæ]/;

/** Whether French elides before `word` (a vowel, or an h that is not aspirated). */
export function elidesBefore(word: string): boolean {
  const first = fold(word.trimStart());
  if (vowel.test(first)) return true;
  if (!first.startsWith('h')) return false;
  const head = first.split(/[\s’']/)[0] ?? '';
  const folded = [...aspiratedH].map(fold);
  return !folded.some((w) => head === w || head.startsWith(`${w}-`));
}

/** « de X » or « d’X ». */
export function deFr(word: string): string {
  return elidesBefore(word) ? `d’${word}` : `de ${word}`;
}

/** « que X » or « qu’X ». */
export function queFr(word: string): string {
  return elidesBefore(word) ? `qu’${word}` : `que ${word}`;
}

/**
 * `template` with « que {x} » / « de {x} » (any case) written « qu’{x} » / « d’{x} » where the value
 * of `x` elides. A placeholder's value is only known when the message is shown.
 */
export function elideBeforePlaceholders(
  template: string,
  params: Readonly<Record<string, string | number>>,
): string {
  return template.replace(/\b(qu|d)e \{(\w+)\}/gi, (whole, stem: string, name: string) => {
    const value = params[name];
    return typeof value === 'string' && elidesBefore(value) ? `${stem}’{${name}}` : whole;
  });
}

/** A person's grammatical gender when known; `undefined` = unknown, so a neutral sentence. */
export type FrenchGender = 'female' | 'male' | undefined;

/** The form agreeing with `gender`, or the neutral rewording when it is unknown (never « ·e »). */
export function byGender<T>(gender: FrenchGender, forms: { female: T; male: T; neutral: T }): T {
  return gender === undefined ? forms.neutral : forms[gender];
}
