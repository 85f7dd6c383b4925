import { cardStrings } from '../../../bot/cards/card-strings';
import { say } from '../../../bot/messages';

describe('the bot’s French', () => {
  it('elides « de » before a name with a vowel, not before an aspirated h', () => {
    const values = { manager: 'Claire Dubois', decision: 'approuvé' };
    expect(say('approvalOutcomeForPartner', 'fr', { ...values, person: 'Anaïs Caron' })).toBe(
      'Claire Dubois, manager d’Anaïs Caron, a approuvé le temps de mentorat de votre binôme.',
    );
    expect(
      say('approvalOutcomeForPartner', 'fr', { ...values, person: 'Hugo Fournier' }),
    ).toContain('manager de Hugo Fournier');
  });

  it('writes no « ·e »: a neutral wording instead', () => {
    expect(JSON.stringify(cardStrings.fr)).not.toContain('·');
  });
});
