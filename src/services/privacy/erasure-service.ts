import { randomUUID } from 'node:crypto';
import type { EraseResponse } from '../../contracts/privacy';
import type { Clock } from '../../domain/clock';
import type { Locale } from '../../domain/common';
import { DomainError, isDomainError } from '../../domain/errors';
import { notificationKey } from '../../domain/notification';
import type { Pair } from '../../domain/pair/schema';
import { leave } from '../../domain/profile';
import {
  formerParticipantLabel,
  formerParticipantPrefix,
  type PersonTraces,
} from '../../domain/privacy/erasure';
import type { Repositories } from '../../store/repositories';
import type { Principal } from '../auth/principal';
import type { AuditRecorder } from './audit-service';

/** Pair states that an erasure ends (the partner is told). */
const openPairStates: readonly Pair['state'][] = [
  'proposed',
  'accepted',
  'awaiting_approval',
  'active',
  'paused',
];

export type ErasureServiceDeps = {
  repos: Pick<
    Repositories,
    'people' | 'profiles' | 'proposals' | 'pairs' | 'approvals' | 'notifications' | 'personalData'
  >;
  /** The matching service's withdrawal: the partners of withdrawn proposals get their next best. */
  matching: {
    withdrawFor(
      tenantId: string,
      programmeId: string,
      personId: string,
    ): Promise<{ withdrawn: number }>;
  };
  /** The pair service's end move: cancels the rest of the series in the calendars (calendar port). */
  pairs: {
    transition(
      principal: Principal,
      pairId: string,
      event: { type: 'end'; reason: string },
      version: string | undefined,
    ): Promise<unknown>;
  };
  audit: AuditRecorder;
  clock: Clock;
};

/**
 * Erasure of a person's data (the GDPR's right to erasure), at their request or a tenant lead's:
 * open proposals withdrawn (partners get their next best), open pairs ended with a notice to the
 * partner and the rest of their series cancelled, what they wrote (feedback text, assessments,
 * managers' comments) removed, their own documents (directory entry, profile, private notes,
 * conversation, notifications to them) deleted, and every remaining mention of them in any
 * container replaced by a `former-…` id and "former participant". Irreversible and idempotent:
 * a repeated request finds nothing and says so. The audit log keeps the erasure (ids only).
 */
export class ErasureService {
  constructor(private readonly deps: ErasureServiceDeps) {}

  /** `POST /api/me/erase`. */
  async eraseSelf(principal: Principal): Promise<EraseResponse> {
    return this.erase(principal.tenantId, principal.personId, {
      actorId: principal.personId,
      actorRole: 'self',
      name: principal.name,
      email: principal.email,
    });
  }

  /** `POST /api/people/:personId/erase`: a tenant lead acting on the person's request. */
  async eraseByLead(principal: Principal, personId: string): Promise<EraseResponse> {
    if (!principal.isTenantLead) {
      throw new DomainError(
        'forbidden',
        'Only a programme lead of the organisation may erase someone else’s data.',
      );
    }
    if (personId === principal.personId) return this.eraseSelf(principal);
    return this.erase(principal.tenantId, personId, {
      actorId: principal.personId,
      actorRole: 'lead',
    });
  }

  private async erase(
    tenantId: string,
    personId: string,
    actor: { actorId: string; actorRole: 'self' | 'lead'; name?: string; email?: string },
  ): Promise<EraseResponse> {
    const r = this.deps.repos;
    const person = (await r.people.find(tenantId, personId))?.value;
    const traces: PersonTraces = {
      personId,
      email: person?.email ?? (actor.actorRole === 'self' ? actor.email : undefined),
      displayName: person?.displayName ?? (actor.actorRole === 'self' ? actor.name : undefined),
    };
    const asPerson: Principal = {
      tenantId,
      personId,
      name: traces.displayName ?? '',
      email: traces.email ?? '',
      appRoles: [],
      isTenantLead: false,
      signIn: 'sso',
    };

    // 0. They leave first, so that no matching run (a repair below) counts them in again.
    if (await r.profiles.find(tenantId, personId)) {
      await r.profiles.update(tenantId, personId, (p) => leave(p, this.deps.clock).profile);
    }

    // 1. Open proposals withdrawn through matching, so the partners get their next best.
    const proposals = await r.proposals.ofPerson(tenantId, personId);
    const programmesWithOpen = new Set(
      proposals.filter((p) => p.value.status === 'proposed').map((p) => p.value.programmeId),
    );
    let proposalsWithdrawn = 0;
    for (const programmeId of programmesWithOpen) {
      proposalsWithdrawn += (await this.deps.matching.withdrawFor(tenantId, programmeId, personId))
        .withdrawn;
    }

    // 2. Open pairs end (the pair service cancels the rest of their series), the partner is told.
    let pairsEnded = 0;
    for (const { value: pair } of await r.pairs.ofPerson(tenantId, personId)) {
      if (!openPairStates.includes(pair.state)) continue;
      try {
        await this.deps.pairs.transition(
          asPerson,
          pair.id,
          { type: 'end', reason: 'A member asked for their data to be erased.' },
          undefined,
        );
      } catch (error) {
        // Ended meanwhile by the partner: nothing left to end.
        if (!isDomainError(error, 'invalid_transition')) throw error;
        continue;
      }
      pairsEnded++;
      const partnerId = pair.mentorId === personId ? pair.menteeId : pair.mentorId;
      const now = this.deps.clock.now().toISOString();
      await r.notifications.schedule({
        id: notificationKey('partner_left', `${pair.id}.${partnerId}`, now),
        tenantId,
        kind: 'partner_left',
        recipientId: partnerId,
        pairId: pair.id,
        dueAt: now,
        status: 'pending',
        attempts: 0,
        payload: {},
      });
    }

    // 3. What they wrote in pairs goes; their place in the partner's view becomes "former participant".
    for (const { value: pair } of await r.pairs.ofPerson(tenantId, personId)) {
      const partnerId = pair.mentorId === personId ? pair.menteeId : pair.mentorId;
      const locale: Locale =
        (await r.people.find(tenantId, partnerId))?.value.preferredLocale ?? 'fr';
      await r.pairs.update(tenantId, pair.id, (current) =>
        withoutAuthorship(current, personId, locale),
      );
    }
    // As a manager: their comments on decisions go (the pair's copy is handled with the pair).
    for (const { value: approval } of await r.approvals.ofManager(tenantId, personId)) {
      if (approval.comment === undefined) continue;
      await r.approvals.update(tenantId, approval.id, (current) => {
        const { comment: _comment, ...rest } = current;
        return rest;
      });
    }
    for (const { value: pair } of await this.pairsApprovedBy(tenantId, personId)) {
      await r.pairs.update(tenantId, pair.id, (current) => ({
        ...current,
        approvals: current.approvals?.map((a) => {
          if (a.managerId !== personId) return a;
          const { comment: _comment, ...rest } = a;
          return { ...rest, managerName: formerParticipantLabel.fr };
        }),
      }));
    }

    // As a manager in the directory: their reports have no manager here until the directory says
    // who (a pseudonymous manager would be asked for approvals nobody can give).
    for (const { value: report } of await r.people.reportsOf(tenantId, personId)) {
      await r.people.update(tenantId, report.id, (current) =>
        current.managerId === personId ? { ...current, managerId: null } : current,
      );
    }

    // 4. Notifications addressed to them are theirs; then every other mention, in every container.
    const notificationsDeleted = await r.personalData.deleteWhere(
      'notifications',
      tenantId,
      'c.recipientId = @personId',
      [{ name: '@personId', value: personId }],
    );
    const pseudonym = `${formerParticipantPrefix}${randomUUID()}`;
    const counts = await r.personalData.sweepPerson(tenantId, traces, pseudonym);
    let documentsDeleted = notificationsDeleted;
    let documentsRewritten = 0;
    for (const c of Object.values(counts)) {
      documentsDeleted += c.deleted;
      documentsRewritten += c.rewritten;
    }
    const erased = pairsEnded + proposalsWithdrawn + documentsDeleted + documentsRewritten > 0;
    if (erased) {
      await this.deps.audit.record(tenantId, {
        actorId: actor.actorId,
        actorRole: actor.actorRole,
        action: 'personal_data.erased',
        targetType: 'person',
        targetId: personId,
        details: { pairsEnded, proposalsWithdrawn, documentsDeleted, documentsRewritten },
      });
    }
    return { erased, pairsEnded, proposalsWithdrawn, documentsDeleted, documentsRewritten };
  }

  /** Pairs whose approval summary names the person as manager. */
  private async pairsApprovedBy(tenantId: string, managerId: string) {
    const approvals = await this.deps.repos.approvals.ofManager(tenantId, managerId);
    const ids = [...new Set(approvals.map((a) => a.value.pairId))];
    const found = await Promise.all(ids.map((id) => this.deps.repos.pairs.find(tenantId, id)));
    return found.filter((p): p is NonNullable<typeof p> => p !== undefined);
  }
}

/**
 * The pair without what the person wrote (feedback text, assessments) and with their member
 * card reduced to "former participant" in the partner's language. Ratings stay: the programme's
 * anonymous figures count them.
 */
function withoutAuthorship(pair: Pair, personId: string, partnerLocale: Locale): Pair {
  const side = pair.mentorId === personId ? 'mentor' : 'mentee';
  const members = pair.members
    ? {
        ...pair.members,
        [side]: {
          ...pair.members[side],
          displayName: formerParticipantLabel[partnerLocale],
          jobTitle: '',
          department: '',
          photoUrl: null,
        },
      }
    : undefined;
  return {
    ...pair,
    feedback: pair.feedback.map((f) =>
      f.fromId === personId ? { ...f, worked: '', suggestion: '' } : f,
    ),
    assessments: pair.assessments.filter((a) => a.personId !== personId),
    ...(members ? { members } : {}),
  };
}
