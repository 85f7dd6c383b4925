import { normaliseCommand } from './locale';

/** A command the bot recognises, whatever the language it was typed in. */
export type BotCommand =
  | 'help'
  | 'next_session'
  | 'pause'
  | 'resume'
  | 'feedback'
  | 'ask'
  | 'buddy_on'
  | 'buddy_off'
  | 'unknown'
  | 'empty';

/** The commands that act for the person who wrote, so need to know who that is. */
export type PersonCommand = Exclude<BotCommand, 'help' | 'unknown' | 'empty'>;

const commandWords: Record<Exclude<BotCommand, 'unknown' | 'empty' | 'ask'>, readonly string[]> = {
  help: ['help', 'aide', 'menu'],
  next_session: [
    'next session',
    'prochaine seance',
    'prochaine session',
    'next',
    'prochaine',
    'when is my next session',
  ],
  pause: ['pause', 'mettre en pause'],
  resume: ['resume', 'reprendre', 'unpause'],
  feedback: ['feedback', 'avis', 'donner mon avis', 'give feedback'],
  buddy_on: ['buddy on', 'dispo coup de main', 'dispo pour un coup de main', 'dispo'],
  buddy_off: ['buddy off', 'pas dispo', 'pas dispo coup de main', 'plus dispo'],
};

/** "ask Excel: my pivot table", "coup de main Teams" (also from the command menu, bare). */
const askPattern = /^\s*(?:ask|coup\s+de\s+main)(?:$|[\s:,-]+)([\s\S]*)$/i;

/** Which command a message asks for ("Aide", "Prochaine séance ?", "@Mentoring help" → …). */
export function parseCommand(text: string | undefined): BotCommand {
  const normalised = normaliseCommand(text);
  if (normalised === '') return (text ?? '').trim() === '?' ? 'help' : 'empty';
  for (const [command, words] of Object.entries(commandWords)) {
    if (words.includes(normalised)) return command as BotCommand;
  }
  if (askPattern.test(text ?? '')) return 'ask';
  return 'unknown';
}

/** The topic and optional question of an ask: "ask Excel: pivot tables?" → Excel, pivot tables? */
export function askedTopic(text: string | undefined): { topic: string; question: string } {
  const rest = askPattern.exec(text ?? '')?.[1]?.trim() ?? '';
  const colon = rest.indexOf(':');
  if (colon < 0) return { topic: rest.slice(0, 100), question: '' };
  return {
    topic: rest.slice(0, colon).trim().slice(0, 100),
    question: rest
      .slice(colon + 1)
      .trim()
      .slice(0, 500),
  };
}
