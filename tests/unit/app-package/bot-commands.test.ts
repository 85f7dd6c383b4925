import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCommand } from '../../../bot/mentoring-bot';
import { appPackageDir } from '../../../appPackage/app-package';

// Teams sends a command's title, in the user's language, as the message text when it is picked
// from the command menu: the bot must understand every title the package offers.
const manifest = JSON.parse(readFileSync(join(appPackageDir, 'manifest.json'), 'utf8')) as {
  bots: { commandLists: { commands: { title: string }[] }[] }[];
};
const french = JSON.parse(readFileSync(join(appPackageDir, 'fr.json'), 'utf8')) as Record<
  string,
  string
>;

const english = manifest.bots[0]?.commandLists[0]?.commands.map((c) => c.title) ?? [];
const frenchTitles = english.map(
  (_, i) => french[`bots[0].commandLists[0].commands[${i}].title`] as string,
);

describe('the command menu of the app package', () => {
  it('offers only commands the bot understands, in English', () => {
    expect(english.map(parseCommand)).toEqual([
      'help',
      'next_session',
      'pause',
      'resume',
      'feedback',
      'ask',
      'buddy_on',
      'buddy_off',
    ]);
  });

  it('offers the same commands in French, each understood as its English twin', () => {
    expect(frenchTitles.map(parseCommand)).toEqual(english.map(parseCommand));
  });
});
