import { fr } from '../../../tab/src/i18n/fr';

describe('the tab’s French', () => {
  it('writes the typographic apostrophe (n’existe), never a straight one, in the shell and its error messages', () => {
    const straight = Object.entries(fr).filter(([, text]) =>
      /\p{L}'\p{L}/u.test(JSON.stringify(text)),
    );
    expect(straight).toEqual([]);
  });
});
