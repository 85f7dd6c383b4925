import {
  approvalOutcomeCard,
  approvalRequestCard,
  approvalSupersededCard,
  feedbackCard,
  feedbackThanksCard,
  helpCard,
  nudgeCard,
  refusalCard,
  reminderCard,
  welcomeCard,
  type AdaptiveCardJson,
  type ApprovalCardData,
} from '../../../bot/cards/cards';
import { cardStrings, nudgeKinds } from '../../../bot/cards/card-strings';
import { verbs } from '../../../bot/cards/templates';
import type { Locale } from '../../../bot/locale';
import { cardProblems } from '../../support/validate-card';

const locales: Locale[] = ['fr', 'en'];

function anApproval(overrides: Partial<ApprovalCardData> = {}): ApprovalCardData {
  return {
    approvalId: 'approval-1',
    tenantId: 'tenant-1',
    personName: 'Bernard Martin',
    partnerName: 'Léa Dubois',
    programmeName: 'Mentorat inversé 2027',
    request: {
      sessions: 6,
      durationMinutes: 60,
      frequency: 'biweekly',
      from: '2027-01-12',
      to: '2027-03-23',
    },
    refreshUserIds: ['29:manager'],
    ...overrides,
  };
}

/** Every card the bot sends, in one locale. */
function everyCard(locale: Locale): Record<string, AdaptiveCardJson> {
  const cards: Record<string, AdaptiveCardJson> = {
    welcome: welcomeCard(locale, { name: 'Camille' }),
    help: helpCard(locale),
    approvalRequest: approvalRequestCard(locale, anApproval()),
    approvalRequestWithError: approvalRequestCard(locale, {
      ...anApproval({ refreshUserIds: [] }),
      error: 'decline_needs_comment',
    }),
    approved: approvalOutcomeCard(locale, {
      ...anApproval(),
      status: 'approved',
      managerName: 'Sophie Laurent',
      decidedAt: '2027-01-05T09:30:00Z',
    }),
    declined: approvalOutcomeCard(locale, {
      ...anApproval(),
      status: 'declined',
      managerName: 'Sophie Laurent',
      decidedAt: '2027-01-05T09:30:00Z',
      comment: 'Trop de charge ce trimestre',
      alreadyDecided: true,
    }),
    superseded: approvalSupersededCard(locale, {
      ...anApproval(),
      supersededAt: '2027-01-08T08:00:00Z',
      timeZone: 'Europe/Paris',
    }),
    supersededClicked: approvalSupersededCard(locale, {
      ...anApproval({ refreshUserIds: [] }),
      supersededAt: '2027-01-08T08:00:00Z',
      clicked: true,
    }),
    refusal: refusalCard(locale, { managerName: 'Sophie Laurent' }),
    reminderSoon: reminderCard(locale, {
      partnerName: 'Léa Dubois',
      startsAt: '2027-01-12T13:00:00Z',
      durationMinutes: 60,
      leadMinutes: 15,
      timeZone: 'Europe/Paris',
      topic: 'Power BI',
      joinUrl: 'https://teams.microsoft.com/l/meetup-join/abc',
    }),
    reminderTomorrow: reminderCard(locale, {
      partnerName: 'Léa Dubois',
      startsAt: '2027-01-12T13:00:00Z',
      durationMinutes: 90,
      leadMinutes: 1440,
    }),
    feedback: feedbackCard(locale, {
      tenantId: 'tenant-1',
      pairId: 'pair-1',
      sessionId: 'session-1',
      partnerName: 'Léa Dubois',
      day: '2027-01-12',
    }),
    feedbackWithError: feedbackCard(locale, {
      tenantId: 'tenant-1',
      pairId: 'pair-1',
      sessionId: 'session-1',
      partnerName: 'Léa Dubois',
      day: '2027-01-12',
      error: 'rating_required',
    }),
    feedbackThanks: feedbackThanksCard(locale, {
      partnerName: 'Léa Dubois',
      day: '2027-01-12',
      rating: 4,
    }),
  };
  for (const kind of nudgeKinds) {
    cards[`nudge:${kind}`] = nudgeCard(locale, {
      kind,
      tenantId: 'tenant-1',
      partnerName: 'Léa Dubois',
      day: '2027-01-12',
      pairId: 'pair-1',
      sessionId: 'session-1',
      url: 'https://teams.microsoft.com/l/entity/app/dashboard',
    });
  }
  return cards;
}

function texts(card: unknown): string {
  return JSON.stringify(card);
}

function actions(card: AdaptiveCardJson): Array<Record<string, unknown>> {
  return (card.actions as Array<Record<string, unknown>> | undefined) ?? [];
}

describe.each(locales)('every card in %s', (locale) => {
  it.each(Object.entries(everyCard(locale)))('%s is a valid Adaptive Card 1.5', (_name, card) => {
    expect(card.version).toBe('1.5');
    expect(cardProblems(card)).toEqual([]);
  });
});

describe('the card validator', () => {
  it('catches what the SDK alone lets through: no version, no type, unknown elements', () => {
    const problems = cardProblems({
      type: 'AdaptiveCard',
      body: [{ text: 'no type' }, { type: 'Bogus' }],
    });
    expect(problems).toEqual(
      expect.arrayContaining([
        'version is missing',
        '$.body[0]: element without a type',
        expect.stringContaining('UnknownElementType'),
      ]),
    );
  });

  it('refuses a card newer than 1.5 and bindings left unexpanded', () => {
    const problems = cardProblems({
      type: 'AdaptiveCard',
      version: '1.6',
      body: [{ type: 'TextBlock', text: '${title}' }],
    });
    expect(problems).toContain('version 1.6 is above 1.5');
    expect(problems).toContain('$.body[0].text: unexpanded binding ${title}');
  });
});

describe('card strings', () => {
  function shape(value: unknown): unknown {
    if (Array.isArray(value)) return value.map(shape);
    if (typeof value === 'object' && value !== null) {
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, shape(v)]));
    }
    return typeof value;
  }

  it('have the same keys in French and English', () => {
    expect(shape(cardStrings.fr)).toEqual(shape(cardStrings.en));
  });

  it('use the same placeholders in French and English', () => {
    const placeholders = (value: unknown): string[] =>
      [...JSON.stringify(value).matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? '').sort();
    expect(placeholders(cardStrings.fr)).toEqual(placeholders(cardStrings.en));
  });
});

describe('approval request card', () => {
  it('shows who, with whom, sessions × duration × frequency and the date range, in French', () => {
    const card = approvalRequestCard('fr', anApproval());
    const text = texts(card);
    expect(text).toContain('Bernard Martin');
    expect(text).toContain('Léa Dubois');
    expect(text).toContain('6 séances × 1 h, toutes les 2 semaines (6 h au total)');
    expect(text).toContain('du 12 janvier 2027 au 23 mars 2027');
  });

  it('says the same in English', () => {
    const text = texts(approvalRequestCard('en', anApproval()));
    expect(text).toContain('6 sessions × 1 h, every 2 weeks (6 h in total)');
    expect(text).toContain('from 12 January 2027 to 23 March 2027');
  });

  it('offers Approve and Decline as Action.Execute with the approval id, and a comment box', () => {
    const card = approvalRequestCard('en', anApproval());
    expect(actions(card)).toEqual([
      expect.objectContaining({
        type: 'Action.Execute',
        verb: verbs.approve,
        title: 'Approve',
        data: { approvalId: 'approval-1', tenantId: 'tenant-1' },
      }),
      expect.objectContaining({ type: 'Action.Execute', verb: verbs.decline, title: 'Decline' }),
    ]);
    expect(texts(card.body)).toContain('"id":"comment"');
  });

  it('refreshes automatically for the manager only (Universal Actions)', () => {
    const card = approvalRequestCard('en', anApproval({ refreshUserIds: ['29:manager'] }));
    expect(card.refresh).toEqual({
      action: {
        type: 'Action.Execute',
        verb: verbs.refreshApproval,
        data: { approvalId: 'approval-1', tenantId: 'tenant-1' },
      },
      userIds: ['29:manager'],
    });
    expect(approvalRequestCard('en', anApproval({ refreshUserIds: [] })).refresh).toBeUndefined();
  });

  it('shows the reason when a decline came without a comment', () => {
    const card = approvalRequestCard('fr', { ...anApproval(), error: 'decline_needs_comment' });
    expect(texts(card)).toContain('Merci d’indiquer en commentaire pourquoi vous refusez.');
    expect(texts(approvalRequestCard('fr', anApproval()))).not.toContain('Merci d’indiquer');
  });

  it('keeps text typed by people verbatim, never as a template expression', () => {
    const card = approvalRequestCard('en', anApproval({ personName: 'Eve ${approvalId}' }));
    expect(texts(card)).toContain('Eve ${approvalId}');
  });
});

describe('approval outcome card', () => {
  it('says who decided, when, with the comment, and has no buttons left', () => {
    const card = approvalOutcomeCard('fr', {
      ...anApproval(),
      status: 'declined',
      managerName: 'Sophie Laurent',
      decidedAt: '2027-01-05T09:30:00Z',
      timeZone: 'Europe/Paris',
      comment: 'Trop de charge',
    });
    const text = texts(card);
    expect(text).toContain('Temps de mentorat refusé');
    expect(text).toContain('Refusé par Sophie Laurent le mardi 5 janvier 2027 à 10:30.');
    expect(text).toContain('Commentaire : Trop de charge');
    expect(card.actions).toBeUndefined();
  });

  it('tells a second click that the decision was already taken', () => {
    const card = approvalOutcomeCard('en', {
      ...anApproval(),
      status: 'approved',
      managerName: 'Sophie Laurent',
      decidedAt: '2027-01-05T09:30:00Z',
      alreadyDecided: true,
    });
    expect(texts(card)).toContain('This request was already decided.');
  });
});

describe('superseded request card', () => {
  it('says the request was replaced by a newer one, shows what it asked, and offers no button', () => {
    const card = approvalSupersededCard('fr', {
      ...anApproval(),
      supersededAt: '2027-01-08T08:00:00Z',
      timeZone: 'Europe/Paris',
    });
    const text = texts(card);
    expect(text).toContain('Demande remplacée');
    expect(text).toContain(
      'Cette demande a été remplacée par une plus récente : Bernard Martin et Léa Dubois ont modifié leur accord et l’ont signé à nouveau.',
    );
    expect(text).toContain('Remplacée le vendredi 8 janvier 2027 à 09:00.');
    expect(text).toContain('6 séances × 1 h');
    expect(text).not.toContain('Votre clic');
    expect(card.actions).toBeUndefined();
    // Final: no refresh action to call back.
    expect(card.refresh).toBeUndefined();
  });

  it('tells a click on the old card that nothing was decided', () => {
    const card = approvalSupersededCard('en', {
      ...anApproval(),
      supersededAt: '2027-01-08T08:00:00Z',
      clicked: true,
    });
    const text = texts(card);
    expect(text).toContain('This request was replaced by a newer one');
    expect(text).toContain('Your click changed nothing: decide on the new request.');
  });
});

describe('reminder card', () => {
  it('gives the session time in the person’s time zone and a join button', () => {
    const card = reminderCard('fr', {
      partnerName: 'Léa Dubois',
      startsAt: '2027-01-12T13:00:00Z',
      durationMinutes: 60,
      leadMinutes: 15,
      timeZone: 'Europe/Paris',
      joinUrl: 'https://teams.microsoft.com/l/meetup-join/abc',
    });
    expect(texts(card)).toContain('Séance dans 15 minutes');
    expect(texts(card)).toContain('mardi 12 janvier 2027 à 14:00');
    expect(actions(card)).toEqual([
      expect.objectContaining({ type: 'Action.OpenUrl', title: 'Rejoindre la réunion' }),
    ]);
  });

  it('has no join button without a meeting link', () => {
    const card = reminderCard('en', {
      partnerName: 'Léa',
      startsAt: '2027-01-12T13:00:00Z',
      durationMinutes: 60,
      leadMinutes: 1440,
    });
    expect(texts(card)).toContain('Upcoming mentoring session');
    expect(card.actions).toBeUndefined();
  });
});

describe('nudge card', () => {
  it('opens the feedback card for a pending feedback', () => {
    const card = nudgeCard('en', {
      kind: 'feedback_pending',
      tenantId: 'tenant-1',
      partnerName: 'Léa',
      day: '2027-01-12',
      pairId: 'pair-1',
      sessionId: 'session-1',
    });
    expect(actions(card)).toEqual([
      expect.objectContaining({
        type: 'Action.Execute',
        verb: verbs.openFeedback,
        data: { pairId: 'pair-1', sessionId: 'session-1', tenantId: 'tenant-1' },
      }),
    ]);
  });

  it('links to the tab for the other nudges', () => {
    const card = nudgeCard('fr', {
      kind: 'agreement_unsigned',
      tenantId: 'tenant-1',
      partnerName: 'Léa',
      url: 'https://teams.microsoft.com/l/entity/app/dashboard',
    });
    expect(texts(card)).toContain('Charte du binôme à signer');
    expect(actions(card)).toEqual([
      expect.objectContaining({ type: 'Action.OpenUrl', title: 'Signer la charte' }),
    ]);
  });
});

describe('lead’s nudge card', () => {
  it('says who is checking in, in each member’s language', () => {
    const data = {
      kind: 'lead_nudge' as const,
      tenantId: 'tenant-1',
      partnerName: 'Léa Martin',
      programmeName: 'Mentorat inversé 2027',
      leadName: 'Claire Dubois',
    };
    expect(texts(nudgeCard('fr', data))).toContain(
      'Claire Dubois, responsable du programme Mentorat inversé 2027, prend des nouvelles de votre binôme avec Léa Martin. Un petit créneau ensemble cette semaine ?',
    );
    expect(texts(nudgeCard('en', data))).toContain(
      'Claire Dubois, who leads the Mentorat inversé 2027 programme, is checking in on your pair with Léa Martin. Could you find a short slot together this week?',
    );
  });

  it('asks what fits the reason: a manager’s pending approval, an unsigned agreement', () => {
    const data = {
      kind: 'lead_nudge' as const,
      tenantId: 'tenant-1',
      partnerName: 'Léa Martin',
      programmeName: 'Mentorat inversé 2027',
      leadName: 'Claire Dubois',
    };
    const approval = texts(nudgeCard('fr', { ...data, reason: 'approval_pending_7_days' }));
    expect(approval).toContain(
      'avec Léa Martin. L’accord d’un manager est attendu depuis plus d’une semaine : un mot de votre part peut l’aider à décider.',
    );
    expect(approval).not.toContain('créneau');
    expect(texts(nudgeCard('en', { ...data, reason: 'agreement_unsigned_14_days' }))).toContain(
      'with Léa Martin. Your pair agreement is not signed by both of you yet: take a moment to finish it.',
    );
    expect(texts(nudgeCard('fr', { ...data, reason: 'sessions_missed' }))).toContain(
      'avec Léa Martin. Un petit créneau ensemble cette semaine ?',
    );
  });

  it('comes from the programme team when the nudge was queued without the lead’s name', () => {
    const card = nudgeCard('fr', {
      kind: 'lead_nudge',
      tenantId: 'tenant-1',
      partnerName: 'Léa Martin',
      programmeName: 'Mentorat inversé 2027',
    });
    expect(texts(card)).toContain(
      'L’équipe du programme Mentorat inversé 2027 prend des nouvelles de votre binôme avec Léa Martin. Un petit créneau ensemble cette semaine ?',
    );
  });
});

describe('feedback card', () => {
  it('asks a required rating from 1 to 4, what worked, one suggestion and whether to share them with the lead (unticked)', () => {
    const card = feedbackCard('en', {
      tenantId: 'tenant-1',
      pairId: 'pair-1',
      sessionId: 'session-1',
      partnerName: 'Léa',
      day: '2027-01-12',
    });
    const body = card.body as Array<Record<string, unknown>>;
    const rating = body.find((element) => element.id === 'rating');
    expect(rating).toMatchObject({ type: 'Input.ChoiceSet', isRequired: true });
    expect((rating?.choices as Array<{ value: string }>).map((c) => c.value)).toEqual([
      '1',
      '2',
      '3',
      '4',
    ]);
    expect(body.map((element) => element.id).filter(Boolean)).toEqual([
      'rating',
      'whatWorked',
      'suggestion',
      'shareWithLead',
    ]);
    // Sharing with the lead is the author's choice: unticked unless they tick it.
    expect(body.find((element) => element.id === 'shareWithLead')).toMatchObject({
      type: 'Input.Toggle',
      value: 'false',
      valueOn: 'true',
    });
    expect(actions(card)).toEqual([
      expect.objectContaining({ type: 'Action.Execute', verb: verbs.submitFeedback }),
    ]);
  });
});
