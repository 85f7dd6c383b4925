import {
  acceptOffer,
  allPassed,
  closeRequest,
  endRound,
  isRoundOver,
  maxRounds,
  monthsSince,
  passOffer,
  partitionOfRequest,
  startRound,
  widen,
} from '../../../../src/domain/buddy/help-request';
import { isDomainError } from '../../../../src/domain/errors';
import { thrown } from '../../../support/thrown';
import { aHelpRequest } from '../../../fixtures/buddy-builders';

const at = (iso: string) => new Date(iso);
const t0 = at('2026-12-07T08:00:00Z');

describe('a help request', () => {
  it('lives in its tenant-and-month partition, named by its id', () => {
    const request = aHelpRequest();
    expect(request.partitionKey).toBe('tenant-1|2026-12');
    expect(partitionOfRequest('tenant-1', request.id)).toBe('tenant-1|2026-12');
    expect(monthsSince(at('2026-11-20T00:00:00Z'), at('2027-01-05T00:00:00Z'))).toEqual([
      '2027-01',
      '2026-12',
      '2026-11',
    ]);
  });

  it('waits 20 minutes a round for "now" and 4 hours otherwise', () => {
    const now = startRound(aHelpRequest(), ['a'], t0);
    expect(now.roundEndsAt).toBe('2026-12-07T08:20:00.000Z');
    expect(isRoundOver(now, at('2026-12-07T08:19:59Z'))).toBe(false);
    expect(isRoundOver(now, at('2026-12-07T08:20:00Z'))).toBe(true);
    const today = startRound(aHelpRequest({ when: 'today' }), ['a'], t0);
    expect(today.roundEndsAt).toBe('2026-12-07T12:00:00.000Z');
  });

  it('is unanswered after three rounds, and widening gives three more in any language', () => {
    let request = aHelpRequest();
    for (let round = 1; round <= maxRounds; round++) {
      request = startRound(request, [`buddy-${round}`], t0);
      request = endRound(request, t0);
    }
    expect(request.status).toBe('unanswered');
    expect(request.offers.every((o) => o.answer === 'expired')).toBe(true);
    const widened = widen(request, t0).request;
    expect(widened).toMatchObject({ status: 'searching', widened: true, when: 'this_week' });
    let again = startRound(widened, ['buddy-4'], t0);
    expect(endRound(again, t0).status).toBe('offered');
    again = endRound(startRound(endRound(again, t0), [], t0), t0);
    expect(endRound(startRound(again, [], t0), t0).status).toBe('unanswered');
  });

  it('the first accept wins; the other buddy is told someone took it', () => {
    const offered = startRound(aHelpRequest(), ['a', 'b', 'c'], t0);
    const first = acceptOffer(offered, 'a', t0);
    expect(first.request).toMatchObject({ status: 'matched', buddyId: 'a' });
    expect(first.request.offers.map((o) => o.answer)).toEqual(['accepted', 'taken', 'taken']);
    expect(acceptOffer(first.request, 'a', t0).changed).toBe(false);
    const error = thrown(() => acceptOffer(first.request, 'b', t0));
    expect(isDomainError(error, 'offer_taken')).toBe(true);
    expect(
      isDomainError(
        thrown(() => acceptOffer(offered, 'stranger', t0)),
        'request_not_found',
      ),
    ).toBe(true);
  });

  it('ends the round early when every buddy of the round passed', () => {
    let request = startRound(aHelpRequest(), ['a', 'b'], t0);
    request = passOffer(request, 'a', t0).request;
    expect(allPassed(request)).toBe(false);
    request = passOffer(request, 'b', t0).request;
    expect(allPassed(request)).toBe(true);
  });

  it('the asker cancels while searching, and closes the loop once matched', () => {
    const offered = startRound(aHelpRequest(), ['a'], t0);
    expect(closeRequest(offered, 'asker', t0).request.status).toBe('cancelled');
    const matched = acceptOffer(offered, 'a', t0).request;
    const closed = closeRequest(matched, 'asker', t0, true).request;
    expect(closed).toMatchObject({ status: 'closed', helped: true });
    expect(closeRequest(closed, 'buddy', t0).changed).toBe(false);
  });
});
