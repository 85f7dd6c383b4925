import type { Approval } from '../domain/approval';
import type { Notification } from '../domain/notification';
import { isTooLateToQueue } from '../domain/notification-retention';
import type { Pair } from '../domain/pair/schema';
import type { Person } from '../domain/person';
import type { Programme } from '../domain/programme';
import {
  nudgeRules,
  planPairNotifications,
  planProposalNotifications,
  type OpenProposal,
} from './notification-plan';
import type { Timer } from './timer';
import type { Logger } from '../logger';

/** What the planner reads and writes (the Cosmos repositories satisfy it). */
export type NotificationPlannerDeps = {
  /** Tenants to plan for: those where someone installed the bot. */
  tenants(): Promise<readonly string[]>;
  pairs: { query(tenantId: string, filter: { where: string }): Promise<Array<{ value: Pair }>> };
  programmes: { find(tenantId: string, id: string): Promise<{ value: Programme } | undefined> };
  people: { find(tenantId: string, id: string): Promise<{ value: Person } | undefined> };
  approvals: { ofPair(tenantId: string, pairId: string): Promise<Array<{ value: Approval }>> };
  notifications: { schedule(n: Notification): Promise<{ created: boolean }> };
  /** Published proposals still open whose deadline is at or before `until` (ISO). */
  proposals?: {
    dueToExpire(tenantId: string, until: string): Promise<Array<{ value: OpenProposal }>>;
  };
  timer: Timer;
  log?: Logger;
};

/**
 * Turns pairs into due notifications. Safe on many instances at once: ids are idempotency keys,
 * so planning the same reminder twice stores it once.
 */
export class NotificationPlanner {
  constructor(private readonly deps: NotificationPlannerDeps) {}

  /** Plans every open pair of every tenant; returns how many notifications were new. */
  async planAll(): Promise<{ pairs: number; created: number }> {
    let pairs = 0;
    let created = 0;
    for (const tenantId of await this.deps.tenants()) {
      const open = await this.deps.pairs.query(tenantId, {
        where: "c.state IN ('active', 'awaiting_approval')",
      });
      for (const { value: pair } of open) {
        try {
          created += await this.planPair(pair);
          pairs += 1;
        } catch (error) {
          this.deps.log?.error(`planning notifications of pair ${pair.id} failed`, error);
        }
      }
      created += await this.planProposals(tenantId);
    }
    return { pairs, created };
  }

  private async planProposals(tenantId: string): Promise<number> {
    if (!this.deps.proposals) return 0;
    const now = new Date(this.deps.timer.now());
    const horizon = new Date(now.getTime() + nudgeRules.proposalExpiringBeforeDays * 86_400_000);
    const expiring = await this.deps.proposals.dueToExpire(tenantId, horizon.toISOString());
    let created = 0;
    for (const { value: proposal } of expiring) {
      const people = new Map<string, Person>();
      for (const id of [proposal.mentorId, proposal.menteeId]) {
        const person = await this.deps.people.find(tenantId, id);
        if (person) people.set(id, person.value);
      }
      created += await this.store(planProposalNotifications(proposal, people, now), now);
    }
    return created;
  }

  /**
   * Stores what was planned, but nothing past the replay horizon: the nudges of a pair that stays
   * quiet and a pending approval's card are planned again on every pass with the same key, and
   * once the sent one is purged (NOTIFICATION_RETENTION_DAYS) the key would no longer stop them.
   */
  private async store(planned: readonly Notification[], now: Date): Promise<number> {
    let created = 0;
    for (const notification of planned) {
      if (isTooLateToQueue(notification, now)) continue;
      if ((await this.deps.notifications.schedule(notification)).created) created += 1;
    }
    return created;
  }

  private async planPair(pair: Pair): Promise<number> {
    const { tenantId } = pair;
    const programme = await this.deps.programmes.find(tenantId, pair.programmeId);
    const approvals = (await this.deps.approvals.ofPair(tenantId, pair.id)).map((a) => a.value);
    const ids = new Set([pair.mentorId, pair.menteeId, ...approvals.map((a) => a.managerId)]);
    const people = new Map<string, Person>();
    for (const id of ids) {
      const person = await this.deps.people.find(tenantId, id);
      if (person) people.set(id, person.value);
    }
    const now = new Date(this.deps.timer.now());
    const planned = planPairNotifications({
      pair,
      programme: programme?.value ?? { reminderOffsetsMinutes: [24 * 60, 15] },
      people,
      approvals,
      now,
    });
    return this.store(planned, now);
  }
}
