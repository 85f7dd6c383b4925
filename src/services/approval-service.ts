import type {
  ApprovalDecisionResponse,
  ApprovalItem,
  ApprovalListResponse,
} from '../contracts/approvals';
import {
  allApproved,
  approvalIdFor,
  approvalRequestFor,
  currentApprovals,
  requestStartDay,
  sameTimeRequested,
  supersede,
  type Approval,
  type ApprovalDecision,
} from '../domain/approval';
import type { Clock } from '../domain/clock';
import { DomainError, isDomainError } from '../domain/errors';
import { isAgreementSigned } from '../domain/pair/agreement';
import { pairApprovalOf, recordApprovals } from '../domain/pair/approvals';
import { transitionPair } from '../domain/pair/lifecycle';
import { partnerOf, roleIn } from '../domain/pair/membership';
import type { Pair, PairApproval } from '../domain/pair/schema';
import type { Person } from '../domain/person';
import type { Programme } from '../domain/programme';
import type { ApprovalRepository } from '../store/approval-repository';
import type { Versioned } from '../domain/versioned';
import type { PairRepository } from '../store/pair-repository';
import type { PeopleRepository } from '../store/people-repository';
import type { ProgrammeRepository } from '../store/programme-repository';
import type { NotificationOutbox } from './outbox/notification-outbox';

export type ApprovalServiceDeps = {
  approvals: ApprovalRepository;
  pairs: PairRepository;
  people: PeopleRepository;
  programmes: ProgrammeRepository;
  /** Approval cards and decisions go to Teams at once (src/services/outbox). */
  outbox: NotificationOutbox;
  clock: Clock;
};

/** An approval with the names a card or the tab shows. */
export type ApprovalDetails = {
  approval: Approval;
  /** The approval's ETag. */
  version: string;
  pair: Pair;
  personName: string;
  partnerName: string;
  programmeName: string;
  managerName: string;
  managerTimeZone: string;
};

/** Who decides: the manager's tenant and id (Entra object id), from the token or the Teams activity. */
export type Decider = { tenantId: string; personId: string };

/** What the pair service asks when the second member signs (src/services/pairs/agreement.ts). */
export interface ApprovalRequests {
  /** True when at least one member has a manager in the directory to ask. */
  anyManagerToAsk(pair: Pair): Promise<boolean>;
  /**
   * Asks each member's manager who has not granted the time yet (idempotent) and returns `pair`
   * with where its approvals stand (`pair.approvals`), for the caller to write with its change.
   */
  askManagers(pair: Pair, requestedBy: string): Promise<Pair>;
  /**
   * Once the pair awaiting approval is written: sends each manager the card of the request that
   * waits for them (idempotent: a request's card is queued once).
   */
  announceRequests(tenantId: string, pairId: string): Promise<number>;
}

/**
 * Manager approval of the time a pair spends: asking (when both members signed), listing a
 * manager's requests, and deciding. The bot's card and the tab both decide through `decide`, so
 * they behave the same: only the manager asked, once (ETag), and the same consequences.
 */
export class ApprovalService implements ApprovalRequests {
  constructor(private readonly deps: ApprovalServiceDeps) {}

  async anyManagerToAsk(pair: Pair): Promise<boolean> {
    const managers = await Promise.all(
      [pair.menteeId, pair.mentorId].map((id) => this.managerOf(pair.tenantId, id)),
    );
    return managers.some((m) => m !== undefined);
  }

  async askManagers(pair: Pair, requestedBy: string): Promise<Pair> {
    const approvals = await this.requestFor(pair, requestedBy);
    const entries = await this.entriesOf(pair.tenantId, approvals, new Lookups(this.deps));
    return recordApprovals(pair, entries, this.deps.clock).pair;
  }

  /**
   * Queues, due now, the card of every request of the pair that waits for its manager: after the
   * pair's write, so no manager is asked to decide for a pair that does not await approval yet.
   * The key (approval id and creation time) is the planner's too, so its pass adds none. Returns
   * how many were new.
   */
  async announceRequests(tenantId: string, pairId: string): Promise<number> {
    const [pair, approvals] = await Promise.all([
      this.deps.pairs.get(tenantId, pairId),
      this.deps.approvals.ofPair(tenantId, pairId),
    ]);
    let created = 0;
    for (const { value: approval } of approvals) {
      if (!awaitsDecision(approval, pair.value)) continue;
      const queued = await this.deps.outbox.enqueue({
        tenantId,
        kind: 'approval_request',
        recipientId: approval.managerId,
        subjectId: approval.id,
        at: approval.createdAt,
        pairId,
        payload: { approvalId: approval.id },
      });
      if (queued.created) created += 1;
    }
    return created;
  }

  /**
   * What a completed signature of `pair.agreement.revision` asks, per member who has a manager in
   * the directory:
   * - already asked for this revision (or a later one): nothing (a retry, a double click);
   * - the latest request that counts was approved for the same time (`sameTimeRequested`:
   *   sessions, duration, frequency, total; not the period): that approval stands;
   * - otherwise (first signature, a decline, a request still pending for an older revision, an
   *   approval of other time): a new pending request for this revision, to the member's manager now.
   * Then every other pending request of that member for the pair is `superseded` by the one that
   * counts, so a manager never decides the time of an agreement the pair replaced. The new request
   * is written before the old ones are superseded: a failure in between leaves two pending
   * requests, never none, and the next signature (or retry) finishes the job. Ids are derived from
   * pair, person and revision, so a retry never creates a second request.
   * Returns the approvals that count now.
   */
  async requestFor(pair: Pair, requestedBy: string): Promise<Approval[]> {
    const { tenantId } = pair;
    const revision = pair.agreement.revision;
    const { clock } = this.deps;
    const existing = (await this.deps.approvals.ofPair(tenantId, pair.id)).map((a) => a.value);
    const latest = new Map(currentApprovals(existing).map((a) => [a.personId, a]));
    // Time is never asked from before the programme starts ('' when it is gone: no floor).
    const programmeStart =
      (await this.deps.programmes.find(tenantId, pair.programmeId))?.value.startDate ?? '';
    const written: Approval[] = [];
    for (const personId of [pair.menteeId, pair.mentorId]) {
      const manager = await this.managerOf(tenantId, personId);
      if (!manager) continue;
      const previous = latest.get(personId);
      let counts: Approval | undefined = previous;
      if (!previous || (previous.agreementRevision ?? 0) < revision) {
        const request = approvalRequestFor(
          pair.agreement.frame,
          requestStartDay(pair, manager.timeZone, clock, programmeStart),
        );
        const stands =
          previous?.status === 'approved' && sameTimeRequested(previous.request, request);
        if (!stands) {
          const asked = await this.ask({
            id: approvalIdFor(pair.id, personId, revision),
            tenantId,
            pairId: pair.id,
            personId,
            managerId: manager.managerId,
            requestedBy,
            agreementRevision: revision,
            request,
            status: 'pending',
            createdAt: clock.now().toISOString(),
          });
          written.push(asked);
          counts = asked;
        }
      }
      if (!counts) continue;
      const replaced = existing.filter(
        (a) => a.personId === personId && a.status === 'pending' && a.id !== counts.id,
      );
      for (const old of replaced) written.push(await this.supersede(old, counts.id));
    }
    if (written.length === 0) return [...latest.values()];
    const byId = new Map([...existing, ...written].map((a) => [a.id, a]));
    return currentApprovals([...byId.values()]);
  }

  /** Creates a request; one that exists already (a retry, two last clicks racing) is read back. */
  private async ask(approval: Approval): Promise<Approval> {
    try {
      return (await this.deps.approvals.create(approval)).value;
    } catch (error) {
      if (!isDomainError(error, 'already_exists')) throw error;
      return (await this.deps.approvals.get(approval.tenantId, approval.id)).value;
    }
  }

  /**
   * Marks `old` superseded by `by` (ETag-conditional, re-read on a conflict). A manager who decided
   * it in the meantime keeps their decision (it stays as history; the new request counts).
   */
  private async supersede(old: Approval, by: string): Promise<Approval> {
    const { value } = await this.deps.approvals.update(
      old.tenantId,
      old.id,
      (current) => supersede(current, by, this.deps.clock).approval,
    );
    return value;
  }

  /**
   * The requests `manager` decides: pending first (longest waiting first), then decided or replaced
   * by a newer request (`superseded`, shown as replaced, like the card in Teams), newest first.
   */
  async ofManager(manager: Decider): Promise<ApprovalListResponse> {
    const stored = await this.deps.approvals.ofManager(manager.tenantId, manager.personId);
    // One manager, a few programmes: each is read once for the whole list.
    const lookups = new Lookups(this.deps);
    const items = await Promise.all(stored.map((a) => this.details(a, lookups)));
    const approvals = items
      // A pending request of a pair that no longer waits (ended, or started meanwhile), or made
      // by a signature whose pair write then failed, asks nothing of the manager (yet).
      .filter((d) => d.approval.status !== 'pending' || awaitsDecision(d.approval, d.pair))
      .map(itemOf)
      .sort((a, b) => {
        const rank = (x: ApprovalItem) => (x.status === 'pending' ? 0 : 1);
        if (rank(a) !== rank(b)) return rank(a) - rank(b);
        return a.status === 'pending'
          ? a.createdAt.localeCompare(b.createdAt)
          : closedAt(b).localeCompare(closedAt(a));
      });
    return { approvals };
  }

  /** One approval with names, for the bot's card. */
  async view(tenantId: string, approvalId: string): Promise<ApprovalDetails> {
    return this.details(await this.deps.approvals.get(tenantId, approvalId));
  }

  /**
   * The manager decides. `forbidden` for anyone else; the same decision again is `changed: false`;
   * `invalid_transition` when decided the other way or the pair no longer waits for approval;
   * `version_conflict` for a stale `version`. Both 409s carry `details.current` (an ApprovalItem).
   * A decline needs a comment: the pair reads it. When every current request is approved the
   * pair becomes active; either way both members are told.
   */
  async decide(
    decider: Decider,
    approvalId: string,
    decision: ApprovalDecision,
    comment: string | undefined,
    version?: string,
  ): Promise<{ details: ApprovalDetails; changed: boolean }> {
    const { tenantId } = decider;
    const before = await this.details(await this.deps.approvals.get(tenantId, approvalId));
    if (before.approval.managerId !== decider.personId) {
      throw new DomainError('forbidden', `Only ${before.managerName} can decide this request`, {
        approvalId,
        managerName: before.managerName,
      });
    }
    const pending = before.approval.status === 'pending';
    if (pending && decision === 'declined' && !comment?.trim()) {
      const message = 'Say why you decline: the pair reads your comment';
      throw new DomainError('validation_failed', message, {
        issues: [{ path: 'comment', message }],
      });
    }
    if (pending && before.pair.state !== 'awaiting_approval') {
      throw new DomainError(
        'invalid_transition',
        `This pair no longer waits for approval (it is ${before.pair.state})`,
        { entity: 'approval', id: approvalId, current: itemOf(before) },
      );
    }
    if (pending && !awaitsDecision(before.approval, before.pair)) {
      throw new DomainError(
        'invalid_transition',
        `The pair has not finished signing revision ${before.pair.agreement.revision} of its agreement; this request waits for both signatures`,
        { entity: 'approval', id: approvalId, current: itemOf(before) },
      );
    }
    let result: { approval: Approval; etag: string; changed: boolean };
    try {
      result = await this.deps.approvals.decide(
        tenantId,
        approvalId,
        decider.personId,
        decision,
        comment,
        this.deps.clock,
        version,
      );
    } catch (error) {
      if (isDomainError(error, 'invalid_transition') || isDomainError(error, 'version_conflict')) {
        const current = itemOf(await this.view(tenantId, approvalId));
        throw new DomainError(error.code, error.message, { ...error.details, current });
      }
      throw error;
    }
    if (result.changed) await this.afterDecision(result.approval);
    return { details: await this.view(tenantId, approvalId), changed: result.changed };
  }

  /** `decide` as the tab's API answers it. */
  async decideForTab(
    decider: Decider,
    approvalId: string,
    decision: ApprovalDecision,
    comment: string | undefined,
    version?: string,
  ): Promise<ApprovalDecisionResponse> {
    const { details, changed } = await this.decide(decider, approvalId, decision, comment, version);
    return { approval: itemOf(details), changed };
  }

  /**
   * The pair records the decision (its dashboard shows it to both members) and, in the same
   * ETag-conditional write, starts once every current request is approved; both members are told
   * either way.
   */
  private async afterDecision(approval: Approval): Promise<void> {
    const { tenantId } = approval;
    const approvals = currentApprovals(
      (await this.deps.approvals.ofPair(tenantId, approval.pairId)).map((a) =>
        // The decision just written, whatever the query's view of it.
        a.value.id === approval.id ? approval : a.value,
      ),
    );
    // The whole current set, not only this decision: a pair asked before the summary existed
    // gets all of it now.
    const entries = await this.entriesOf(tenantId, approvals, new Lookups(this.deps));
    const start = allApproved(approvals);
    const { value: pair } = await this.deps.pairs.update(tenantId, approval.pairId, (current) => {
      const recorded = recordApprovals(current, entries, this.deps.clock).pair;
      if (!start || recorded.state !== 'awaiting_approval') return recorded;
      return transitionPair(
        recorded,
        { type: 'approve', approvals },
        approval.managerId,
        this.deps.clock,
      ).pair;
    });
    const decidedAt = approval.decidedAt ?? this.deps.clock.now().toISOString();
    // Both members hear of it: the one whose time was asked, and the partner.
    const audiences = [
      ['person', approval.personId],
      ['partner', partnerOf(pair, approval.personId)],
    ] as const;
    for (const [audience, recipientId] of audiences) {
      await this.deps.outbox.enqueue({
        tenantId,
        kind: 'pair_told_outcome',
        recipientId,
        subjectId: `${approval.id}.${recipientId}`,
        at: decidedAt,
        pairId: approval.pairId,
        payload: { approvalId: approval.id, audience },
      });
    }
  }

  private async details(
    stored: Versioned<Approval>,
    lookups = new Lookups(this.deps),
  ): Promise<ApprovalDetails> {
    const approval = stored.value;
    const { tenantId } = approval;
    const pair = (await this.deps.pairs.get(tenantId, approval.pairId)).value;
    const partnerId = partnerOf(pair, approval.personId);
    const [person, partner, manager, programme] = await Promise.all([
      this.nameOf(pair, approval.personId, lookups),
      this.nameOf(pair, partnerId, lookups),
      lookups.person(tenantId, approval.managerId),
      lookups.programme(tenantId, pair.programmeId),
    ]);
    return {
      approval,
      version: stored.etag,
      pair,
      personName: person,
      partnerName: partner,
      programmeName: programme?.name ?? pair.programmeId,
      managerName: manager?.displayName ?? approval.managerId,
      managerTimeZone: manager?.timeZone ?? 'UTC',
    };
  }

  /** The pair's summary entries of `approvals`, with each manager's name from the directory. */
  private async entriesOf(
    tenantId: string,
    approvals: readonly Approval[],
    lookups: Lookups,
  ): Promise<PairApproval[]> {
    return Promise.all(
      approvals.map(async (approval) => {
        const manager = await lookups.person(tenantId, approval.managerId);
        return pairApprovalOf(approval, manager?.displayName ?? approval.managerId);
      }),
    );
  }

  /** The member's name: the pair's own snapshot, else the directory. */
  private async nameOf(pair: Pair, personId: string, lookups: Lookups): Promise<string> {
    const snapshot = pair.members?.[roleIn(pair, personId)];
    if (snapshot) return snapshot.displayName;
    return (await lookups.person(pair.tenantId, personId))?.displayName ?? personId;
  }

  private async managerOf(
    tenantId: string,
    personId: string,
  ): Promise<{ managerId: string; timeZone: string } | undefined> {
    const person = (await this.deps.people.find(tenantId, personId))?.value;
    if (!person?.managerId) return undefined;
    return { managerId: person.managerId, timeZone: person.timeZone };
  }
}

/** Directory and programme reads shared by the items of one answer. */
class Lookups {
  private readonly people = new Map<string, Promise<Person | undefined>>();
  private readonly programmes = new Map<string, Promise<Programme | undefined>>();

  constructor(private readonly deps: Pick<ApprovalServiceDeps, 'people' | 'programmes'>) {}

  person(tenantId: string, id: string): Promise<Person | undefined> {
    let found = this.people.get(id);
    if (!found) {
      found = this.deps.people.find(tenantId, id).then((p) => p?.value);
      this.people.set(id, found);
    }
    return found;
  }

  programme(tenantId: string, id: string): Promise<Programme | undefined> {
    let found = this.programmes.get(id);
    if (!found) {
      found = this.deps.programmes.find(tenantId, id).then((p) => p?.value);
      this.programmes.set(id, found);
    }
    return found;
  }
}

/** An approval as the tab shows it. */
export function itemOf(details: ApprovalDetails): ApprovalItem {
  const { approval, pair } = details;
  return {
    id: approval.id,
    version: details.version,
    status: approval.status,
    person: { id: approval.personId, displayName: details.personName },
    partner: { id: partnerOf(pair, approval.personId), displayName: details.partnerName },
    role: roleIn(pair, approval.personId),
    programmeName: details.programmeName,
    pairId: pair.id,
    pairState: pair.state,
    subject: pair.agreement.subject,
    request: approval.request,
    agreementRevision: approval.agreementRevision ?? null,
    comment: approval.comment ?? null,
    decidedAt: approval.decidedAt ?? null,
    supersededAt: approval.supersededAt ?? null,
    createdAt: approval.createdAt,
    canDecide: awaitsDecision(approval, pair),
  };
}

/**
 * True while a request waits for its manager: pending, its pair awaits approval, and both members
 * signed the revision it asks about. A request made by a signature whose pair write then failed
 * (its revision is the pair's, not signed by both) waits until the signature is given again: the
 * older request it superseded may already be gone, but the manager never decides time the pair
 * has not agreed.
 */
function awaitsDecision(approval: Approval, pair: Pair): boolean {
  if (approval.status !== 'pending' || pair.state !== 'awaiting_approval') return false;
  return (
    approval.agreementRevision !== pair.agreement.revision || isAgreementSigned(pair.agreement)
  );
}

/** When a request stopped waiting: decided, or replaced by a newer one. */
function closedAt(item: ApprovalItem): string {
  return item.decidedAt ?? item.supersededAt ?? item.createdAt;
}
