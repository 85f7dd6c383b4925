import {
  buddyCloseCard,
  buddyConnectCard,
  buddyNoticeCard,
  buddyOfferCard,
  buddyTakenCard,
  buddyUnansweredCard,
  teamsLinks,
} from '../../../bot/cards/buddy-cards';
import type { HelpRequestView, OfferView } from '../../../src/contracts/buddy';
import { cardProblems } from '../../support/validate-card';

const topic = {
  text: 'Advanced Excel',
  skillId: 'excel-advanced',
  label: { fr: 'Excel avancé', en: 'Advanced Excel' },
};
const request: HelpRequestView = {
  id: '2026-12.r1',
  status: 'matched',
  topic,
  question: 'Figer une ligne ?',
  when: 'now',
  minutes: 15,
  createdAt: '2026-12-07T09:00:00.000Z',
  buddy: { id: 'b', name: 'Léa Roux', email: 'lea@example.com' },
  matchedAt: '2026-12-07T09:04:00.000Z',
  slot: null,
  closedAt: null,
  helped: null,
  widened: false,
  thanksReceived: null,
};
const offer: OfferView = {
  requestId: request.id,
  state: 'open',
  asker: { id: 'a', name: 'Martine Chevalier', email: 'martine@example.com' },
  topic,
  question: request.question,
  when: 'now',
  minutes: 15,
  offeredAt: request.createdAt,
  slot: null,
  thanksReceived: null,
};

describe('quick-help cards', () => {
  for (const locale of ['fr', 'en'] as const) {
    it(`are valid Adaptive Cards 1.5 in ${locale}`, () => {
      const cards = [
        buddyOfferCard(locale, offer, ['29:b']),
        buddyTakenCard(locale, topic),
        buddyNoticeCard(locale, 'x'),
        buddyConnectCard(locale, {
          role: 'asker',
          request,
          other: request.buddy!,
          timeZone: 'Europe/Paris',
        }),
        buddyConnectCard(locale, {
          role: 'buddy',
          request: {
            ...request,
            slot: { start: '2026-12-07T09:15:00.000Z', end: '2026-12-07T09:30:00.000Z' },
          },
          other: offer.asker,
          timeZone: 'America/Toronto',
        }),
        buddyCloseCard(locale, { role: 'asker', request, other: request.buddy! }),
        buddyCloseCard(locale, {
          role: 'buddy',
          request: { ...request, status: 'closed' },
          other: offer.asker,
          helpsTotal: 3,
        }),
        buddyUnansweredCard(
          locale,
          { ...request, status: 'unanswered' },
          'https://example.com/profile',
        ),
      ];
      for (const card of cards) expect(cardProblems(card)).toEqual([]);
    });
  }

  it('the offer names the asker and the topic in the reader’s language, and refreshes for the buddy', () => {
    const card = buddyOfferCard('fr', offer, ['29:b']);
    expect(JSON.stringify(card)).toContain(
      'Martine Chevalier demande un coup de main sur **Excel avancé**',
    );
    expect(card.refresh).toMatchObject({ userIds: ['29:b'], action: { verb: 'buddy.refresh' } });
  });

  it('the connect card’s links open a Teams chat with the question typed in, and a call', () => {
    expect(teamsLinks('lea@example.com', 'Figer une ligne ?')).toEqual({
      chat: 'https://teams.microsoft.com/l/chat/0/0?users=lea%40example.com&message=Figer%20une%20ligne%20%3F',
      call: 'https://teams.microsoft.com/l/call/0/0?users=lea%40example.com',
    });
    const booked = buddyConnectCard('en', {
      role: 'asker',
      request: {
        ...request,
        slot: { start: '2026-12-07T09:15:00.000Z', end: '2026-12-07T09:30:00.000Z' },
      },
      other: request.buddy!,
      timeZone: 'Europe/Paris',
    });
    expect(JSON.stringify(booked)).toContain('Booked: Monday, 7 December 2026 at 10:15');
    expect(JSON.stringify(booked)).not.toContain('buddy.book');
    expect(JSON.stringify(booked)).toContain('Your question: “Figer une ligne ?”');
  });
});
