import { isServerFault, replyForError } from '../../../bot/error-replies';
import { messages } from '../../../bot/messages';
import { DomainError } from '../../../src/domain/errors';

describe('replyForError', () => {
  it('a button of a card whose pair or request is gone reads as an outdated button', () => {
    const error = new DomainError('pair_not_found', 'Pair p-1 was not found');
    expect(replyForError(error, 'fr')).toBe(messages.invalidAction.fr);
    expect(replyForError(error, 'en')).toBe(messages.invalidAction.en);
  });

  it('a change made meanwhile (another device, the partner) asks to look again', () => {
    for (const code of ['invalid_transition', 'version_conflict'] as const) {
      expect(replyForError(new DomainError(code, 'changed'), 'en')).toBe(
        messages.changedMeanwhile.en,
      );
    }
  });

  it('an outage says to try again; anything that is not a DomainError is our fault', () => {
    const outage = new DomainError('store_unavailable', 'Cosmos DB is unreachable');
    expect(replyForError(outage, 'fr')).toBe(messages.unavailable.fr);
    expect(replyForError(new TypeError('x is undefined'), 'fr')).toBe(messages.turnError.fr);
    expect(isServerFault(outage)).toBe(true);
    expect(isServerFault(new TypeError('x is undefined'))).toBe(true);
    expect(isServerFault(new DomainError('forbidden', 'not the manager'))).toBe(false);
  });

  it('never shows the English message of the error to a French speaker', () => {
    const error = new DomainError('validation_failed', 'until must be a date');
    expect(replyForError(error, 'fr')).toBe(messages.invalidInput.fr);
    expect(replyForError(error, 'fr')).not.toContain('until');
  });
});
