import { cardAttachment, feedbackCard, feedbackThanksCard } from '../cards/cards';
import { formatDateTime, formatMinutes } from '../cards/format';
import { verbs } from '../cards/templates';
import { say } from '../messages';
import {
  cardResponse,
  messageResponse,
  principalOf,
  replaceCard,
  type BotFeature,
  type PersonTurn,
} from '../turn';

export type PairFeatureOptions = {
  /** Days a "pause" lasts (the pair resumes by itself afterwards). */
  pauseDays?: number;
};

/** How long "pause" pauses a pair when the deployment does not say. */
const defaultPauseDays = 14;

/**
 * The pair's own commands (next session, pause, resume, feedback) and the session feedback card,
 * through the tab's PairService: the same effect from either edge.
 */
export function pairFeature(
  options: PairFeatureOptions = {},
): BotFeature<
  'next_session' | 'pause' | 'resume' | 'feedback',
  typeof verbs.openFeedback | typeof verbs.submitFeedback
> {
  return {
    commands: {
      next_session: async (turn) => {
        await turn.context.sendActivity(await nextSessionText(turn));
      },
      pause: async (turn) => {
        await turn.context.sendActivity(await pauseText(turn, options.pauseDays));
      },
      resume: async ({ context, services, user }) => {
        const answer = await services.pairs.resumeMine(principalOf(user));
        await context.sendActivity(
          answer.kind === 'resumed'
            ? say('resumed', user.locale, { partners: answer.partnerNames.join(', ') })
            : say('notPaused', user.locale),
        );
      },
      feedback: async ({ context, services, user }) => {
        const request = await services.pairs.feedbackRequest(principalOf(user));
        await context.sendActivity(
          request
            ? { attachments: [cardAttachment(feedbackCard(user.locale, request))] }
            : say('noFeedbackPending', user.locale),
        );
      },
    },
    cardActions: {
      [verbs.openFeedback]: async ({ services, user }, field) => {
        const request = await services.pairs.feedbackRequest(principalOf(user), {
          pairId: field('pairId'),
          sessionId: field('sessionId'),
        });
        return request
          ? cardResponse(feedbackCard(user.locale, request))
          : messageResponse(say('noFeedbackPending', user.locale));
      },
      [verbs.submitFeedback]: async ({ context, services, user }, field) => {
        const { locale } = user;
        const rating = Number(field('rating'));
        const session = { pairId: field('pairId'), sessionId: field('sessionId') };
        const principal = principalOf(user);
        if (!Number.isInteger(rating) || rating < 1 || rating > 4) {
          const request = await services.pairs.feedbackRequest(principal, session);
          return request
            ? cardResponse(feedbackCard(locale, { ...request, error: 'rating_required' }))
            : messageResponse(say('invalidAction', locale));
        }
        // The tab's own feedback path: repeating it overwrites this person's feedback.
        await services.pairs.giveFeedback(principal, session.pairId, session.sessionId, {
          rating,
          worked: field('whatWorked').trim(),
          suggestion: field('suggestion').trim(),
          shareWithLead: field('shareWithLead') === 'true',
        });
        const request = await services.pairs.feedbackRequest(principal, session);
        if (!request) return messageResponse(say('invalidAction', locale));
        const thanks = feedbackThanksCard(locale, { ...request, rating });
        await replaceCard(context, thanks);
        return cardResponse(thanks);
      },
    },
  };
}

async function nextSessionText({ services, user }: PersonTurn): Promise<string> {
  const answer = await services.pairs.nextSession(principalOf(user));
  const { locale } = user;
  switch (answer.kind) {
    case 'no_pair':
      return say('noPair', locale);
    case 'none_planned':
      return say('noSessionPlanned', locale, { partner: answer.partnerName });
    case 'session': {
      const line = say('nextSession', locale, {
        partner: answer.partnerName,
        when: formatDateTime(answer.startsAt, locale, answer.timeZone),
        duration: formatMinutes(answer.durationMinutes, locale),
      });
      return answer.topic
        ? `${line}\n\n${say('nextSessionTopic', locale, { topic: answer.topic })}`
        : line;
    }
  }
}

async function pauseText({ services, user }: PersonTurn, pauseDays?: number): Promise<string> {
  const answer = await services.pairs.pauseMine(principalOf(user), pauseDays ?? defaultPauseDays);
  if (answer.kind === 'nothing_to_pause') return say('nothingToPause', user.locale);
  return say('paused', user.locale, {
    partners: answer.partnerNames.join(', '),
    until: formatDateTime(answer.until, user.locale, answer.timeZone),
  });
}
