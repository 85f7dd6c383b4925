import type { Locale } from './locale';

/** Every sentence the bot says in plain text, in French and English. */
export const messages = {
  help: {
    fr: [
      'Voici ce que je sais faire :',
      '- **prochaine séance** : la date de votre prochaine séance de mentorat',
      '- **pause** : mettre en pause les rappels de votre binôme',
      '- **feedback** : donner votre avis sur la dernière séance',
      '- **aide** : afficher ce message',
    ].join('\n\n'),
    en: [
      'Here is what I can do:',
      '- **next session**: when your next mentoring session is',
      '- **pause**: pause your pair’s reminders',
      '- **feedback**: give feedback on your last session',
      '- **help**: show this message',
    ].join('\n\n'),
  },
  unknown: {
    fr: 'Je n’ai pas compris « {text} ». Écrivez **aide** pour voir ce que je sais faire.',
    en: 'I did not understand “{text}”. Type **help** to see what I can do.',
  },
  empty: {
    fr: 'Écrivez **aide** pour voir ce que je sais faire.',
    en: 'Type **help** to see what I can do.',
  },
  turnError: {
    fr: 'Désolé, une erreur est survenue de mon côté. Réessayez dans un instant.',
    en: 'Sorry, something went wrong on my side. Please try again in a moment.',
  },
} as const satisfies Record<string, Record<Locale, string>>;

export type MessageKey = keyof typeof messages;

/** The sentence `key` in `locale`, with `{name}` placeholders filled from `values`. */
export function say(
  key: MessageKey,
  locale: Locale,
  values: Record<string, string | number> = {},
): string {
  return messages[key][locale].replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in values ? String(values[name]) : whole,
  );
}
