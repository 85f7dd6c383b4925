import { TestAdapter, type Activity } from 'botbuilder';
import { MentoringBot, parseCommand } from '../../../bot/mentoring-bot';
import { verbs } from '../../../bot/cards/templates';
import { normaliseCommand, resolveLocale } from '../../../bot/locale';
import { say } from '../../../bot/messages';

function botAdapter() {
  const bot = new MentoringBot();
  return new TestAdapter((context) => bot.run(context));
}

function message(text: string, locale?: string): Partial<Activity> {
  return { type: 'message', text, locale };
}

function replyText(activity: Partial<Activity>): string {
  expect(activity.type).toBe('message');
  return activity.text ?? '';
}

describe('MentoringBot help', () => {
  it('answers "aide" in French for a fr-FR user', async () => {
    await botAdapter()
      .send(message('aide', 'fr-FR'))
      .assertReply((reply) => {
        const text = replyText(reply);
        expect(text).toContain('Voici ce que je sais faire');
        expect(text).toContain('prochaine séance');
      });
  });

  it('answers "help" in English for an en-US user', async () => {
    await botAdapter()
      .send(message('help', 'en-US'))
      .assertReply((reply) => {
        const text = replyText(reply);
        expect(text).toContain('Here is what I can do');
        expect(text).toContain('next session');
      });
  });

  it('follows the locale, not the word typed: "help" from a fr-CA user gets French', async () => {
    await botAdapter()
      .send(message('Help', 'fr-CA'))
      .assertReply((reply) => expect(replyText(reply)).toContain('Voici ce que je sais faire'));
  });

  it('falls back to English when Teams sends no locale', async () => {
    await botAdapter()
      .send(message('aide'))
      .assertReply((reply) => expect(replyText(reply)).toContain('Here is what I can do'));
  });

  it('ignores the @mention Teams puts in front of the text in a group chat', async () => {
    const adapter = botAdapter();
    const bot = adapter.conversation.bot;
    await adapter
      .send({
        type: 'message',
        locale: 'fr-FR',
        text: '<at>Mentoring</at> aide',
        entities: [{ type: 'mention', mentioned: bot, text: '<at>Mentoring</at>' }],
      })
      .assertReply((reply) => expect(replyText(reply)).toContain('Voici ce que je sais faire'));
  });

  it('answers unknown text with a pointer to help, quoting what was typed', async () => {
    await botAdapter()
      .send(message('bonjour le bot', 'fr-FR'))
      .assertReply((reply) => {
        const text = replyText(reply);
        expect(text).toContain('« bonjour le bot »');
        expect(text).toContain('**aide**');
      });
  });
});

describe('command parsing', () => {
  it.each([
    ['aide', 'help'],
    ['  AIDE !', 'help'],
    ['Help?', 'help'],
    ['', 'empty'],
    ['what?', 'unknown'],
  ])('reads %j as %s', (text, command) => {
    expect(parseCommand(text)).toBe(command);
  });

  it('strips accents so "Prochaine Séance ?" and "prochaine seance" read the same', () => {
    expect(normaliseCommand('Prochaine Séance ?')).toBe('prochaine seance');
  });

  it.each([
    ['fr', 'fr'],
    ['fr-FR', 'fr'],
    ['FR-be', 'fr'],
    ['en-GB', 'en'],
    ['fro', 'en'],
    [undefined, 'en'],
  ])('maps locale %j to %s', (tag, locale) => {
    expect(resolveLocale(tag)).toBe(locale);
  });
});

describe('MentoringBot without an identified caller', () => {
  it('answers an empty message with a pointer to help, and "?" with the help', async () => {
    await botAdapter()
      .send(message('   ', 'fr-FR'))
      .assertReply((reply) => expect(replyText(reply)).toBe(say('empty', 'fr')))
      .send(message('?', 'en-US'))
      .assertReply((reply) => expect(replyText(reply)).toContain('Here is what I can do'));
  });

  it('says it cannot tell who wrote a command that needs the person', async () => {
    await botAdapter()
      .send(message('prochaine séance', 'fr-FR'))
      .assertReply((reply) => expect(replyText(reply)).toBe(say('unidentified', 'fr')));
  });

  it('answers a card button with "who are you" as a message, not a card', async () => {
    await botAdapter()
      .send({
        type: 'invoke',
        name: 'adaptiveCard/action',
        locale: 'en-US',
        value: { action: { type: 'Action.Execute', verb: verbs.approve, data: {} } },
      })
      .assertReply((reply) => {
        expect(reply.type).toBe('invokeResponse');
        expect((reply.value as { body: unknown }).body).toEqual({
          statusCode: 200,
          type: 'application/vnd.microsoft.activity.message',
          value: say('unidentified', 'en'),
        });
      });
  });
});
