import { randomUUID } from 'node:crypto';
import type { PairResponse } from '../../contracts/pairs';
import type { Clock } from '../../domain/clock';
import { DomainError, isDomainError } from '../../domain/errors';
import type { PairChange } from '../../domain/pair/changes';
import { isMember } from '../../domain/pair/membership';
import type { MemberSnapshot, Pair, PairMembers } from '../../domain/pair/schema';
import type { Versioned } from '../../domain/versioned';
import type { NoteRepository } from '../../store/note-repository';
import type { PairRepository } from '../../store/pair-repository';
import type { ProfileRepository } from '../../store/profile-repository';
import type { ProgrammeRepository } from '../../store/programme-repository';
import type { ApprovalRequests } from '../approval-service';
import type { Principal } from '../auth/principal';
import type { OrgDirectory } from '../people/org-directory';
import { pairViewFor } from './pair-view';

export type PairServiceDeps = {
  pairs: PairRepository;
  notes: NoteRepository;
  programmes: ProgrammeRepository;
  profiles: ProfileRepository;
  directory: OrgDirectory;
  clock: Clock;
  /**
   * Manager approval (src/services/approval-service.ts): asked when both members signed a pair
   * whose programme requires it.
   */
  approvals: ApprovalRequests;
  newId?: () => string;
  /**
   * Told after a member paused, completed or ended the pair: the calendar cancels the rest of the
   * pair's series (src/services/calendar/pair-calendar-service.ts). True when it changed the pair.
   */
  afterClose?: (tenantId: string, pairId: string) => Promise<boolean>;
  /** The chat messages queued for the pair (reminders, nudges): a pause cancels them. */
  notifications: PairNotifications;
};

/** What the pair service asks of the notification queue (src/store/notification-repository.ts). */
export interface PairNotifications {
  /** Cancels every notification of the pair still waiting to be sent; returns how many. */
  cancelPending(tenantId: string, pairId: string): Promise<number>;
}

/** What each of the pair's use cases is built with: the service's deps and the shared access. */
export type PairUseCaseDeps = PairServiceDeps & { access: PairAccess };

/**
 * How a write treats the caller's version. `edit`: shared text, the version is required and must be
 * current. `move`: idempotent or caller-owned changes; a version is optional, a no-op always succeeds.
 */
export type WriteMode = 'edit' | 'move';

/** How many times a write is tried again after losing a race to another writer. */
export const maxAttempts = 5;

/** Raised inside an `apply` to turn into a `version_conflict` carrying the current pair. */
export class ConflictMarker extends Error {}

/**
 * What every pair use case shares: loading a pair the caller is a member of (the same
 * `pair_not_found` for anyone else), the members' display data, and the versioned write.
 */
export class PairAccess {
  constructor(private readonly deps: PairServiceDeps) {}

  /** Display data of both members, from the org directory and their profiles. */
  async membersOf(tenantId: string, mentorId: string, menteeId: string): Promise<PairMembers> {
    const [mentor, mentee] = await Promise.all([
      this.snapshotOf(tenantId, mentorId),
      this.snapshotOf(tenantId, menteeId),
    ]);
    return { mentor, mentee };
  }

  private async snapshotOf(tenantId: string, personId: string): Promise<MemberSnapshot> {
    const [person, profile, photoUrl] = await Promise.all([
      this.deps.directory.person(tenantId, personId),
      this.deps.profiles.find(tenantId, personId),
      this.deps.directory.photoUrl(tenantId, personId),
    ]);
    if (!person) {
      throw new DomainError('person_not_found', `Person ${personId} was not found`, {
        id: personId,
      });
    }
    return {
      displayName: person.displayName,
      jobTitle: person.jobTitle,
      department: person.department,
      languages: profile?.value.languages ?? [person.preferredLocale],
      timeZone: profile?.value.timeZone ?? person.timeZone,
      photoUrl,
    };
  }

  /** Pairs stored before the members snapshot existed get it once, on their next load. */
  async withMembers(loaded: Versioned<Pair>): Promise<Versioned<Pair>> {
    if (loaded.value.members) return loaded;
    const pair = loaded.value;
    const members = await this.membersOf(pair.tenantId, pair.mentorId, pair.menteeId);
    try {
      return await this.deps.pairs.replace({ ...pair, members }, loaded.etag);
    } catch (error) {
      if (!isDomainError(error, 'version_conflict')) throw error;
      return this.deps.pairs.get(pair.tenantId, pair.id);
    }
  }

  /**
   * Read, check membership, apply, write with the ETag read. See `WriteMode`; `after` may add a
   * consequence to a real change (activation on the second signature).
   */
  async write(
    principal: Principal,
    pairId: string,
    version: string | undefined,
    mode: WriteMode,
    apply: (pair: Pair) => PairChange,
    after?: (pair: Pair) => Promise<Pair>,
  ): Promise<PairResponse> {
    for (let attempt = 1; ; attempt++) {
      const found = await this.deps.pairs.find(principal.tenantId, pairId);
      const current = await this.withMembers(this.requireMember(principal, pairId, found));
      if (mode === 'edit' && version === undefined) {
        throw this.conflict(
          principal,
          current,
          'Send the version you edited (If-Match) so that nobody’s changes are overwritten',
        );
      }
      let result: PairChange;
      try {
        result = apply(current.value);
      } catch (error) {
        if (error instanceof ConflictMarker) throw this.conflict(principal, current, error.message);
        throw error;
      }
      if (!result.changed) return this.response(principal, current);
      if (version !== undefined && version !== current.etag) {
        throw this.conflict(
          principal,
          current,
          'Your partner changed the pair since you loaded it; reload (what you typed is kept) and try again',
        );
      }
      const next = after ? await after(result.pair) : result.pair;
      try {
        return this.response(principal, await this.deps.pairs.replace(next, current.etag));
      } catch (error) {
        if (!isDomainError(error, 'version_conflict')) throw error;
        if (version !== undefined || attempt >= maxAttempts) {
          const latest = await this.deps.pairs.get(principal.tenantId, pairId);
          throw this.conflict(
            principal,
            latest,
            'Your partner saved a change at the same moment; reload (what you typed is kept) and try again',
          );
        }
      }
    }
  }

  /** The pair when the caller is one of its members; `pair_not_found` otherwise. */
  requireMember(
    principal: Principal,
    pairId: string,
    found: Versioned<Pair> | undefined,
  ): Versioned<Pair> {
    // Same answer for "absent" and "not yours": a pair's existence is not disclosed.
    if (!found || !isMember(found.value, principal.personId)) {
      throw new DomainError('pair_not_found', `Pair ${pairId} was not found`, { id: pairId });
    }
    return found;
  }

  /** The pair as the caller sees it, with its version. */
  response(principal: Principal, pair: Versioned<Pair>): PairResponse {
    return {
      pair: pairViewFor(pair.value, principal.personId, this.deps.clock),
      version: pair.etag,
    };
  }

  /** `version_conflict` carrying the pair as it stands now. */
  private conflict(principal: Principal, current: Versioned<Pair>, message: string): DomainError {
    return new DomainError('version_conflict', message, {
      id: current.value.id,
      current: this.response(principal, current),
    });
  }

  /** A new id for a session or an action item (`deps.newId` in tests). */
  newId(prefix: string): string {
    return this.deps.newId?.() ?? `${prefix}-${randomUUID()}`;
  }
}
