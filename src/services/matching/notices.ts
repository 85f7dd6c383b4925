import { isDomainError } from '../../domain/errors';
import type { Person } from '../../domain/person';
import { cancelNotification, notificationKey, type EventNotice } from '../../domain/notification';
import type { Programme } from '../../domain/programme';
import type { StoredProposal } from '../../store/proposal-repository';
import { inBatches, type MatchingServiceDeps } from './shared';

export type ProposalNoticesDeps = Pick<MatchingServiceDeps, 'outbox' | 'notifications' | 'log'>;

/** The Teams messages that tell each person of a proposal, through the notification queue. */
export class ProposalNotices {
  constructor(private readonly deps: ProposalNoticesDeps) {}

  /**
   * Queues one Teams message per person for each newly published proposal (who, the deadline,
   * the "My match" tab), sent at once through the outbox. The key is the proposal, the person and
   * the publication time: a second publish or a retry queues none.
   */
  async announce(
    programme: Programme,
    proposals: readonly StoredProposal[],
    directory: ReadonlyMap<string, Person>,
    zones: ReadonlyMap<string, string>,
    cause: 'published' | 'repair',
  ): Promise<void> {
    const outbox = this.deps.outbox;
    if (!outbox) return;
    const sides = (p: StoredProposal) =>
      [
        ['mentor', p.mentorId, p.menteeId],
        ['mentee', p.menteeId, p.mentorId],
      ] as const;
    const queued = proposals
      .filter((p) => p.publishedAt !== null && p.status === 'proposed')
      .flatMap((p) =>
        sides(p).map(([role, recipientId, partnerId]): EventNotice => ({
          tenantId: p.tenantId,
          kind: 'proposal_published',
          recipientId,
          subjectId: `${p.id}.${recipientId}`,
          at: p.publishedAt!,
          payload: {
            proposalId: p.id,
            programmeName: programme.name,
            partnerName: directory.get(partnerId)?.displayName ?? partnerId,
            role,
            expiresAt: p.expiresAt,
            timeZone:
              zones.get(recipientId) ?? directory.get(recipientId)?.timeZone ?? 'Europe/Paris',
            cause,
          },
        })),
      );
    await inBatches(queued, async (n) => {
      try {
        await outbox.enqueue(n);
      } catch (error) {
        // The proposals are published and shown in the tab; the message is the part that failed.
        this.deps.log.error(`notification ${n.kind}:${n.subjectId} could not be queued`, error);
      }
    });
  }

  /** The Teams messages about a proposal that is no longer open, when not sent yet, are cancelled. */
  async retract(proposal: StoredProposal): Promise<void> {
    const notifications = this.deps.notifications;
    if (!notifications || proposal.publishedAt === null) return;
    for (const recipientId of [proposal.mentorId, proposal.menteeId]) {
      const id = notificationKey(
        'proposal_published',
        `${proposal.id}.${recipientId}`,
        proposal.publishedAt,
      );
      await notifications
        .update(proposal.tenantId, id, (n) =>
          n.status === 'pending' ? cancelNotification(n).notification : n,
        )
        .catch((error: unknown) => {
          // Never queued (no notification queue at the time): nothing to cancel.
          if (isDomainError(error, 'not_found')) return;
          // The proposal's own change is saved; at worst the person reads a stale message.
          this.deps.log.error(`notification ${id} could not be cancelled`, error);
        });
    }
  }
}
