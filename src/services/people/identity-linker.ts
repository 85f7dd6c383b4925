import type { Versioned } from '../../domain/versioned';
import type { PeopleRepository } from '../../store/people-repository';
import type { ProfileRepository } from '../../store/profile-repository';
import type { Person } from '../../domain/person';
import type { Principal } from '../auth/principal';
import { personIdFor } from '../import/import-service';

export type IdentityLinkerDeps = {
  people: PeopleRepository;
  profiles: ProfileRepository;
};

/**
 * Links a person brought in by a CSV import (an id derived from their e-mail, since the file has
 * no Entra object id) to their real object id the first time they sign in: their directory entry,
 * their invitation to a programme and their reports' manager links move to the `oid`.
 * Only an invitation nobody has acted on moves (a derived id can never have signed in, so its
 * profile is still `not_joined`); a directory entry with a real id is never touched.
 */
export class IdentityLinker {
  constructor(private readonly deps: IdentityLinkerDeps) {}

  /** True when something was linked. Safe to repeat and to run concurrently (idempotent writes). */
  async link(principal: Principal): Promise<boolean> {
    return (await this.linkAndRead(principal)).linked;
  }

  /**
   * Links when there is something to link, and returns the person's own directory entry as it
   * stands afterwards, so that /me reads it once: in the usual case (nothing imported under the
   * e-mail) the two reads made to decide are all there is.
   */
  async linkAndRead(principal: Principal): Promise<{ linked: boolean; own: Person | undefined }> {
    const { tenantId, personId, email } = principal;
    const derivedId = email === '' ? personId : personIdFor(tenantId, email);
    if (derivedId === personId) {
      return { linked: false, own: (await this.deps.people.find(tenantId, personId))?.value };
    }
    const [own, imported] = await Promise.all([
      this.deps.people.find(tenantId, personId),
      this.deps.people.find(tenantId, derivedId),
    ]);
    if (!imported || imported.value.email.toLowerCase() !== email) {
      return { linked: false, own: own?.value };
    }
    if (!own) await this.deps.people.upsert({ ...imported.value, id: personId });

    const [profile, ownProfile] = await Promise.all([
      this.deps.profiles.find(tenantId, derivedId),
      this.deps.profiles.find(tenantId, personId),
    ]);
    if (profile && profile.value.optIn.status === 'not_joined') {
      if (!ownProfile) await this.deps.profiles.upsert({ ...profile.value, id: personId });
      await this.deps.profiles.delete(tenantId, derivedId, profile.etag).catch(ignoreGone);
    }
    const reports: Versioned<Person>[] = await this.deps.people.reportsOf(tenantId, derivedId);
    await Promise.all(
      reports.map((r) => this.deps.people.upsert({ ...r.value, managerId: personId })),
    );
    if (!profile || profile.value.optIn.status === 'not_joined') {
      await this.deps.people.delete(tenantId, derivedId).catch(ignoreGone);
    }
    return { linked: true, own: (await this.deps.people.find(tenantId, personId))?.value };
  }
}

/** Another sign-in of the same person may have moved it first. */
function ignoreGone(error: unknown): void {
  const code = (error as { code?: string }).code;
  if (code === 'person_not_found' || code === 'profile_not_found' || code === 'version_conflict') {
    return;
  }
  throw error;
}
