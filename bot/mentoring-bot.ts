import { TeamsActivityHandler, TurnContext } from 'botbuilder';
import { normaliseCommand, resolveLocale, type Locale } from './locale';
import { say } from './messages';

/** A command the bot recognises, whatever the language it was typed in. */
export type BotCommand = 'help' | 'unknown' | 'empty';

const commandWords: Record<Exclude<BotCommand, 'unknown' | 'empty'>, readonly string[]> = {
  help: ['help', 'aide', 'menu'],
};

/** Which command a message asks for ("Aide", "help", "@Mentoring help" → help). */
export function parseCommand(text: string | undefined): BotCommand {
  const normalised = normaliseCommand(text);
  if (normalised === '') return (text ?? '').trim() === '?' ? 'help' : 'empty';
  for (const [command, words] of Object.entries(commandWords)) {
    if (words.includes(normalised)) return command as BotCommand;
  }
  return 'unknown';
}

/** The Mentoring bot: answers in the person's language (fr-* → French, otherwise English). */
export class MentoringBot extends TeamsActivityHandler {
  constructor() {
    super();
    this.onMessage(async (context, next) => {
      await this.handleMessage(context);
      await next();
    });
  }

  private async handleMessage(context: TurnContext): Promise<void> {
    const locale = resolveLocale(context.activity.locale);
    // In a channel or group chat Teams prefixes the text with "<at>Mentoring</at>".
    const text = TurnContext.removeRecipientMention(context.activity) ?? context.activity.text;
    const command = parseCommand(text);
    await context.sendActivity(this.reply(command, locale, text));
  }

  private reply(command: BotCommand, locale: Locale, text: string | undefined): string {
    switch (command) {
      case 'help':
        return say('help', locale);
      case 'empty':
        return say('empty', locale);
      case 'unknown':
        return say('unknown', locale, { text: (text ?? '').trim().slice(0, 80) });
    }
  }
}
