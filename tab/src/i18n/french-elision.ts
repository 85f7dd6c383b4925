import { formatMessage, type Message, type TranslateFor } from './catalogue';

// French drops the vowel of « que » and « de » before a word that starts with a vowel or a mute h:
// « en tant qu’Adam », « l’accord d’Hélène ». A placeholder's value is only known when the message is
// shown, so the elision happens then. Y is left alone (« de Yanis »), as are the rare aspirated h.

const vowelSound = /^[aeiouàâäéèêëîïôöùûüœæh]/i;

/** Whether French elides before `word`: it starts with a vowel or an h (taken as mute). */
export function elidesBefore(word: string): boolean {
  return vowelSound.test(word.trimStart());
}

/** `template` with « que {x} » / « de {x} » written « qu’{x} » / « d’{x} » where `x`'s value elides. */
export function elideBeforePlaceholders(
  template: string,
  params: Record<string, string | number>,
): string {
  return template.replace(/\b(qu|d)e \{(\w+)\}/gi, (whole, stem: string, name: string) => {
    const value = params[name];
    return typeof value === 'string' && elidesBefore(value) ? `${stem}’{${name}}` : whole;
  });
}

function elideMessage(message: Message, params: Record<string, string | number>): Message {
  if (typeof message === 'string') return elideBeforePlaceholders(message, params);
  return {
    one: elideBeforePlaceholders(message.one, params),
    other: elideBeforePlaceholders(message.other, params),
    ...(message.zero === undefined ? {} : { zero: elideBeforePlaceholders(message.zero, params) }),
  };
}

/** The French `t` of a catalogue, eliding « que » / « de » before the values that need it. */
export function createFrenchTranslateFor<R>(catalogue: {
  [K in keyof R]: Message;
}): TranslateFor<R> {
  return ((key: keyof R, params: Record<string, string | number> = {}) =>
    formatMessage('fr', elideMessage(catalogue[key], params), params)) as TranslateFor<R>;
}
