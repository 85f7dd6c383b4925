import type { ProfileEditBody, ProfileResponse } from '../../contracts/profiles';
import type { Clock } from '../../domain/clock';
import { parseOrThrow } from '../../domain/common';
import { DomainError } from '../../domain/errors';
import {
  assertSkillsInCatalogue,
  isAvailableForMatching,
  leave,
  missingForMatching,
  newProfile,
  optIn,
  pause,
  profileSchema,
  resume,
  type Profile,
} from '../../domain/profile';
import type { Programme } from '../../domain/programme';
import type { Versioned } from '../../domain/versioned';
import type { ProfileRepository } from '../../store/profile-repository';
import type { Principal } from '../auth/principal';
import type { IdentityService } from '../people/identity-service';
import type { OrgDirectory } from '../people/org-directory';
import { canManage, requireVersion, type ProgrammeService } from './programme-service';

export type ProfileServiceDeps = {
  profiles: ProfileRepository;
  programmes: ProgrammeService;
  identity: IdentityService;
  directory: OrgDirectory;
  clock: Clock;
  /** Withdraws the open proposals of someone who paused or left (the matching service). */
  proposals?: ProposalWithdrawal;
};

/** What a pause or a departure asks of matching: withdraw the person's open proposals. */
export interface ProposalWithdrawal {
  withdrawFor(tenantId: string, programmeId: string, personId: string): Promise<unknown>;
}

/** A profile and the version it was read at (null: not stored yet). */
type Loaded = { profile: Profile; etag: string | null; stored?: Versioned<Profile> };

type OptInMove = (profile: Profile) => { profile: Profile; changed: boolean };

/**
 * Volunteer profiles: each person reads and edits their own; leads of the programme read them.
 * One profile per person per tenant (id = person id); a person active in one programme cannot
 * join another until they leave it.
 */
export class ProfileService {
  constructor(private readonly deps: ProfileServiceDeps) {}

  /** The caller's profile in the programme; a default one (`version: null`) before the first save. */
  async mine(principal: Principal, programmeId: string): Promise<ProfileResponse> {
    const programme = await this.deps.programmes.visible(principal, programmeId);
    const loaded = await this.load(principal, programme.value);
    return this.response(principal, loaded.profile, loaded.etag);
  }

  /** Someone's profile: themselves, or a lead of the programme (`forbidden` for anyone else). */
  async of(principal: Principal, programmeId: string, personId: string): Promise<ProfileResponse> {
    if (personId === principal.personId) return this.mine(principal, programmeId);
    const programme = await this.deps.programmes.visible(principal, programmeId);
    if (!canManage(principal, programme.value)) {
      throw new DomainError('forbidden', 'You can only see your own profile.', { personId });
    }
    const stored = await this.deps.profiles.find(principal.tenantId, personId);
    if (!stored || stored.value.programmeId !== programmeId) {
      throw new DomainError(
        'profile_not_found',
        `Person ${personId} has no profile in this programme`,
        { id: personId },
      );
    }
    return {
      profile: stored.value,
      version: stored.etag,
      person: await this.deps.identity.cardOfId(principal.tenantId, personId),
      missingForMatching: missingForMatching(stored.value),
    };
  }

  /** The whole editable profile, conditional on the version it was loaded at. */
  async edit(
    principal: Principal,
    programmeId: string,
    personId: string,
    body: ProfileEditBody,
    version: string | undefined,
  ): Promise<ProfileResponse> {
    if (personId !== principal.personId) {
      throw new DomainError('forbidden', 'You can only change your own profile.', { personId });
    }
    const programme = await this.deps.programmes.visible(principal, programmeId);
    refuseClosed(programme.value);
    const loaded = await this.load(principal, programme.value);
    const { version: _ignored, ...fields } = body;
    const next = parseOrThrow(
      profileSchema,
      {
        ...loaded.profile,
        ...fields,
        mentorCapacity: fields.mentorCapacity ?? loaded.profile.mentorCapacity,
        updatedAt: this.deps.clock.now().toISOString(),
      },
      'profile',
    );
    if (fields.location === undefined) delete next.location;
    assertSkillsInCatalogue(next, programme.value);
    const saved = await this.write(loaded, next, version, true);
    return this.response(principal, saved.value, saved.etag);
  }

  /** Volunteer under the consent text the person accepted. */
  async optIn(
    principal: Principal,
    programmeId: string,
    consentTextVersion: string,
    version?: string,
  ): Promise<ProfileResponse> {
    return this.move(principal, programmeId, version, (p) =>
      optIn(p, consentTextVersion, this.deps.clock),
    );
  }

  /** Step back until `until` (a day means midnight UTC of that day). */
  async pause(
    principal: Principal,
    programmeId: string,
    until: string,
    version?: string,
  ): Promise<ProfileResponse> {
    const instant = /^\d{4}-\d{2}-\d{2}$/.test(until) ? `${until}T00:00:00.000Z` : until;
    return this.move(principal, programmeId, version, (p) => pause(p, instant, this.deps.clock));
  }

  async resume(principal: Principal, programmeId: string, version?: string) {
    return this.move(principal, programmeId, version, (p) => resume(p, this.deps.clock));
  }

  /** Leave: the history is kept, no further nudges. */
  async leave(principal: Principal, programmeId: string, version?: string) {
    return this.move(principal, programmeId, version, (p) => leave(p, this.deps.clock));
  }

  /**
   * Applies an opt-in move. With a version, the move is conditional on it; without, it is
   * recomputed on the latest profile (the moves are idempotent, so retrying is safe).
   */
  private async move(
    principal: Principal,
    programmeId: string,
    version: string | undefined,
    apply: OptInMove,
  ): Promise<ProfileResponse> {
    const programme = await this.deps.programmes.visible(principal, programmeId);
    for (let attempt = 1; ; attempt++) {
      const loaded = await this.load(principal, programme.value);
      const { profile, changed } = apply(loaded.profile);
      if (!changed) {
        // Pausing or leaving again finishes a withdrawal an earlier attempt could not complete.
        if (loaded.etag !== null) await this.withdrawIfAway(loaded.profile);
        return this.response(principal, loaded.profile, loaded.etag);
      }
      if (profile.optIn.status === 'opted_in') refuseJoining(programme.value);
      try {
        const saved = await this.write(loaded, profile, version, false);
        await this.withdrawIfAway(saved.value);
        return this.response(principal, saved.value, saved.etag);
      } catch (error) {
        const retry =
          version === undefined &&
          attempt < 3 &&
          error instanceof DomainError &&
          (error.code === 'version_conflict' || error.code === 'already_exists');
        if (!retry) throw error;
      }
    }
  }

  /**
   * Someone who paused or left no longer waits on proposals: their partners are told at once
   * rather than at the next run or the deadline.
   */
  private async withdrawIfAway(profile: Profile): Promise<void> {
    const { status } = profile.optIn;
    if (!this.deps.proposals || (status !== 'paused' && status !== 'left')) return;
    if (isAvailableForMatching(profile, this.deps.clock)) return;
    await this.deps.proposals.withdrawFor(profile.tenantId, profile.programmeId, profile.id);
  }

  /**
   * The caller's profile for `programme`: the stored one, or a default prefilled from the org
   * data and from their profile of a programme they left (its opt-in history is kept).
   */
  private async load(principal: Principal, programme: Programme): Promise<Loaded> {
    const stored = await this.deps.profiles.find(principal.tenantId, principal.personId);
    if (stored && stored.value.programmeId === programme.id) {
      return { profile: stored.value, etag: stored.etag, stored };
    }
    const person = await this.deps.directory.person(principal.tenantId, principal.personId);
    const base = newProfile(
      {
        id: principal.personId,
        tenantId: principal.tenantId,
        programmeId: programme.id,
        languages: [person?.preferredLocale ?? 'fr'],
        timeZone: person?.timeZone ?? 'Europe/Paris',
      },
      this.deps.clock,
    );
    if (!stored) return { profile: base, etag: null };
    const previous = stored.value;
    const known = new Set(programme.skills.map((s) => s.id));
    return {
      profile: {
        ...base,
        roleWish: previous.roleWish,
        teaches: previous.teaches.filter((e) => known.has(e.skillId)),
        learns: previous.learns.filter((e) => known.has(e.skillId)),
        languages: previous.languages,
        timeZone: previous.timeZone,
        availability: previous.availability,
        workMode: previous.workMode,
        ...(previous.location !== undefined ? { location: previous.location } : {}),
        bio: previous.bio,
        mentorCapacity: previous.mentorCapacity,
        previousPartnerIds: previous.previousPartnerIds,
        optIn: { status: 'not_joined', history: previous.optIn.history },
      },
      etag: null,
      stored,
    };
  }

  /**
   * Stores `next`. The first save creates the document; replacing a profile of another programme
   * is allowed only once the person is no longer active there; an edit of a stored profile needs
   * the version it was made on (`requireClientVersion`).
   */
  private async write(
    loaded: Loaded,
    next: Profile,
    version: string | undefined,
    requireClientVersion: boolean,
  ): Promise<Versioned<Profile>> {
    const { stored } = loaded;
    if (!stored) {
      if (version !== undefined) {
        throw new DomainError(
          'version_conflict',
          'This profile was removed or never saved; reload and try again',
          { id: next.id },
        );
      }
      return this.deps.profiles.create(next);
    }
    if (loaded.etag === null) {
      const status = stored.value.optIn.status;
      if (status === 'opted_in' || status === 'paused') {
        throw new DomainError(
          'already_exists',
          'You already take part in another programme: leave it before joining this one.',
          { programmeId: stored.value.programmeId },
        );
      }
      return this.deps.profiles.replace(next, stored.etag);
    }
    const expected = requireClientVersion
      ? requireVersion(version, 'profile', next.id)
      : (version ?? stored.etag);
    return this.deps.profiles.replace(next, expected);
  }

  private async response(
    principal: Principal,
    profile: Profile,
    version: string | null,
  ): Promise<ProfileResponse> {
    return {
      profile,
      version,
      person: await this.deps.identity.card(principal),
      missingForMatching: missingForMatching(profile),
    };
  }
}

function refuseClosed(programme: Programme): void {
  if (programme.status === 'closed') {
    throw new DomainError('invalid_transition', 'This programme is closed.', {
      entity: 'programme',
      id: programme.id,
      from: 'closed',
    });
  }
}

/** Volunteers join while a programme enrolls, matches or runs (not a draft, not once closed). */
function refuseJoining(programme: Programme): void {
  if (programme.status === 'draft' || programme.status === 'closed') {
    throw new DomainError(
      'invalid_transition',
      `Volunteers cannot join a ${programme.status} programme.`,
      { entity: 'programme', id: programme.id, from: programme.status },
    );
  }
}
