import type { AdaptiveCardInvokeResponse } from 'botbuilder';
import type { ApprovalDecision } from '../../src/domain/approval';
import { isDomainError } from '../../src/domain/errors';
import type { ApprovalView, BotServices, BotUser } from '../bot-services';
import {
  approvalOutcomeCard,
  approvalRequestCard,
  approvalSupersededCard,
  refusalCard,
  type ApprovalCardData,
} from '../cards/cards';
import { verbs } from '../cards/templates';
import {
  cardResponse,
  replaceCard,
  type BotFeature,
  type CardActionHandler,
  type PersonTurn,
} from '../turn';

/**
 * The manager's approval card: approve, decline (with a comment), and the refresh Teams asks for;
 * decided through the tab's ApprovalService, so the same checks and consequences apply.
 */
export function approvalFeature(): BotFeature<
  never,
  typeof verbs.approve | typeof verbs.decline | typeof verbs.refreshApproval
> {
  const decideAs =
    (decision: ApprovalDecision): CardActionHandler =>
    (turn, field) =>
      decide(turn, field('approvalId'), decision, field('comment'));
  return {
    commands: {},
    cardActions: {
      [verbs.approve]: decideAs('approved'),
      [verbs.decline]: decideAs('declined'),
      [verbs.refreshApproval]: async ({ services, user }, field) =>
        cardResponse(
          approvalCardFor(await approvalView(services, user.tenantId, field('approvalId')), user),
        ),
    },
  };
}

async function decide(
  { context, services, user }: PersonTurn,
  approvalId: string,
  decision: ApprovalDecision,
  comment: string,
): Promise<AdaptiveCardInvokeResponse> {
  const { locale } = user;
  const view = await approvalView(services, user.tenantId, approvalId);
  if (view.approval.managerId !== user.personId) {
    // Nothing is written; the manager's card is untouched.
    return cardResponse(refusalCard(locale, { managerName: view.managerName }));
  }
  if (decision === 'declined' && comment.trim() === '' && view.approval.status === 'pending') {
    return cardResponse(
      approvalRequestCard(locale, { ...approvalData(view), error: 'decline_needs_comment' }),
    );
  }
  try {
    // The tab's own decision path: same checks, same consequences.
    const result = await services.approvals.decide(
      user,
      approvalId,
      decision,
      comment || undefined,
    );
    const decided = await withManagerTeamsId(services, result.details);
    const card = approvalCardFor(decided, user, !result.changed);
    if (result.changed) await replaceCard(context, card);
    return cardResponse(card);
  } catch (error) {
    if (isDomainError(error, 'invalid_transition')) {
      // Decided the other way already (another device), or replaced by a newer request: show
      // the request as it stands, on this card and on every device.
      const current = await approvalView(services, user.tenantId, approvalId);
      if (current.approval.status === 'superseded') {
        // The message itself stops offering buttons, on every device.
        await replaceCard(context, approvalCardFor(current, user));
      }
      return cardResponse(approvalCardFor(current, user, true));
    }
    if (isDomainError(error, 'forbidden')) {
      return cardResponse(refusalCard(locale, { managerName: view.managerName }));
    }
    throw error;
  }
}

/**
 * The card an approval shows now: the request while pending, the outcome once decided, and
 * "replaced by a newer one" once superseded (`clicked`: a button of the old card was pressed).
 */
function approvalCardFor(view: ApprovalView, user: BotUser, clicked = false) {
  const { approval } = view;
  if (approval.status === 'superseded') {
    return approvalSupersededCard(user.locale, {
      ...approvalData(view),
      supersededAt: approval.supersededAt ?? approval.createdAt,
      timeZone: view.managerTimeZone,
      clicked,
    });
  }
  if (approval.status === 'pending') {
    if (approval.managerId !== user.personId) {
      return refusalCard(user.locale, { managerName: view.managerName });
    }
    return approvalRequestCard(user.locale, approvalData(view));
  }
  return approvalOutcomeCard(user.locale, {
    ...approvalData(view),
    status: approval.status,
    managerName: view.managerName,
    decidedAt: approval.decidedAt ?? approval.createdAt,
    timeZone: view.managerTimeZone,
    ...(approval.comment ? { comment: approval.comment } : {}),
    alreadyDecided: clicked,
  });
}

/** The approval as a card shows it: the service's details and the manager's Teams id. */
async function approvalView(
  services: BotServices,
  tenantId: string,
  approvalId: string,
): Promise<ApprovalView> {
  return withManagerTeamsId(services, await services.approvals.view(tenantId, approvalId));
}

async function withManagerTeamsId(
  services: BotServices,
  details: Awaited<ReturnType<BotServices['approvals']['view']>>,
): Promise<ApprovalView> {
  const { approval } = details;
  const managerConversation = await services.conversations.ofPerson(
    approval.tenantId,
    approval.managerId,
  );
  const managerTeamsUserId = managerConversation?.value.reference.user.id;
  return {
    approval,
    personName: details.personName,
    partnerName: details.partnerName,
    programmeName: details.programmeName,
    managerName: details.managerName,
    managerTimeZone: details.managerTimeZone,
    ...(managerTeamsUserId ? { managerTeamsUserId } : {}),
  };
}

function approvalData(view: ApprovalView): ApprovalCardData {
  const { approval } = view;
  return {
    approvalId: approval.id,
    tenantId: approval.tenantId,
    personName: view.personName,
    partnerName: view.partnerName,
    programmeName: view.programmeName,
    request: approval.request,
    refreshUserIds: view.managerTeamsUserId ? [view.managerTeamsUserId] : [],
  };
}
