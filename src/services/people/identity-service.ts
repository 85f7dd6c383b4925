import type {
  DevSignInResponse,
  MeResponse,
  PersonCard,
  Persona,
  PersonasResponse,
} from '../../contracts/identity';
import { DomainError } from '../../domain/errors';
import type { Person } from '../../domain/person';
import type { PairRepository } from '../../store/pair-repository';
import type { ProgrammeRepository } from '../../store/programme-repository';
import type { DevTokens } from '../auth/dev-tokens';
import { isTenantLead, programmeLeadAppRole, type Principal } from '../auth/principal';
import type { IdentityLinker } from './identity-linker';
import type { OrgDirectory } from './org-directory';

export type IdentityServiceDeps = {
  directory: OrgDirectory;
  programmes: Pick<ProgrammeRepository, 'idsLedBy' | 'list'>;
  leadEmails: readonly string[];
  /** The sides the person takes in their pairs (no pair known without it). */
  pairs?: Pick<PairRepository, 'sidesOf'>;
  /** Moves a CSV-imported person to their Entra object id at their first sign-in. */
  linker?: IdentityLinker;
  /** Development sign-in (loopback only): the demo tenant and the token issuer. */
  dev?: { tenantId: string; issuer: DevTokens };
};

/** Who the caller is, their roles, and the development persona picker. */
export class IdentityService {
  constructor(private readonly deps: IdentityServiceDeps) {}

  /** `GET /api/me`: the person prefilled from the org data, with their roles. */
  async me(principal: Principal): Promise<MeResponse> {
    const { tenantId, personId } = principal;
    // The tab asks /me first: a person imported by e-mail becomes themselves here. The linker's
    // own read of the person is the one /me uses.
    const linker = principal.signIn === 'sso' ? this.deps.linker : undefined;
    const own = linker ? (await linker.linkAndRead(principal)).own : undefined;
    // One read of the person, the manager's name read as soon as it is known, and the three
    // questions about roles (reports, programmes led, pairs) asked meanwhile: /me is the first
    // call of every tab load, so it is kept to the fewest reads, two round trips deep, and the
    // role questions fetch ids and states only, not the programmes and pairs themselves.
    const personRead = linker
      ? Promise.resolve(own)
      : this.deps.directory.person(tenantId, personId);
    const [card, person, manager, leadOf, pairs] = await Promise.all([
      personRead.then((found) => (found ? this.cardOf(found) : this.tokenCard(principal))),
      personRead,
      this.deps.directory.hasReports(tenantId, personId),
      this.deps.programmes.idsLedBy(tenantId, personId),
      this.deps.pairs?.sidesOf(tenantId, personId) ?? [],
    ]);
    const current = pairs.filter((pair) => pair.state !== 'completed' && pair.state !== 'ended');
    const pairRoles = (['mentor', 'mentee'] as const).filter((role) =>
      current.some((pair) => (role === 'mentor' ? pair.mentorId : pair.menteeId) === personId),
    );
    const roles: MeResponse['roles'] = ['participant'];
    if (manager) roles.push('manager');
    if (principal.isTenantLead || leadOf.length > 0) roles.push('lead');
    return {
      tenantId,
      person: card,
      roles,
      canCreateProgrammes: principal.isTenantLead,
      leadOf,
      pairRoles,
      locale: person?.preferredLocale ?? 'fr',
      signIn: principal.signIn,
    };
  }

  /** The card of the principal: from the directory, or from the token when they are not in it. */
  async card(principal: Principal): Promise<PersonCard> {
    const person = await this.deps.directory.person(principal.tenantId, principal.personId);
    return person ? this.cardOf(person) : this.tokenCard(principal);
  }

  /** A card from the token alone, for someone not (yet) in the directory. */
  private tokenCard(principal: Principal): PersonCard {
    return {
      id: principal.personId,
      displayName: principal.name || principal.email,
      email: principal.email,
      department: '',
      jobTitle: '',
      managerId: null,
      managerName: null,
      photoUrl: null,
      timeZone: 'Europe/Paris',
      officeLocation: null,
      inDirectory: false,
    };
  }

  /** The card of someone in the directory (`person_not_found` otherwise). */
  async cardOfId(tenantId: string, personId: string): Promise<PersonCard> {
    const person = await this.deps.directory.person(tenantId, personId);
    if (!person) {
      throw new DomainError('person_not_found', `Person ${personId} was not found`, {
        id: personId,
      });
    }
    return this.cardOf(person);
  }

  private async cardOf(person: Person): Promise<PersonCard> {
    const [manager, photoUrl] = await Promise.all([
      person.managerId ? this.deps.directory.person(person.tenantId, person.managerId) : undefined,
      this.deps.directory.photoUrl(person.tenantId, person.id),
    ]);
    return {
      id: person.id,
      displayName: person.displayName,
      email: person.email,
      department: person.department,
      jobTitle: person.jobTitle,
      managerId: person.managerId,
      managerName: manager?.displayName ?? null,
      photoUrl,
      timeZone: person.timeZone,
      officeLocation: person.officeLocation ?? null,
      inDirectory: true,
    };
  }

  /** `GET /api/dev/personas`: the demo people, leads first, then managers, then by name. */
  async personas(): Promise<PersonasResponse> {
    const dev = this.requireDev();
    const [people, programmes] = await Promise.all([
      this.deps.directory.people(dev.tenantId),
      this.deps.programmes.list(dev.tenantId),
    ]);
    const leads = new Set(programmes.flatMap((p) => p.value.leadIds));
    const managers = new Set(people.map((p) => p.managerId).filter((id) => id !== null));
    const rank = { lead: 0, manager: 1, employee: 2 } as const;
    const personas: Persona[] = people.map((p) => ({
      personId: p.id,
      displayName: p.displayName,
      email: p.email,
      department: p.department,
      jobTitle: p.jobTitle,
      locale: p.preferredLocale,
      roleHint:
        leads.has(p.id) || isTenantLead(p.email, [], this.deps.leadEmails)
          ? 'lead'
          : managers.has(p.id)
            ? 'manager'
            : 'employee',
    }));
    personas.sort(
      (a, b) =>
        rank[a.roleHint] - rank[b.roleHint] || a.displayName.localeCompare(b.displayName, 'fr'),
    );
    return { tenantId: dev.tenantId, personas };
  }

  /**
   * `POST /api/dev/sign-in`: a token acting as a demo person. A person who leads a programme also
   * gets the `Programme.Lead` app role, as a lead would have it assigned in Entra ID.
   */
  async devSignIn(personId: string): Promise<DevSignInResponse> {
    const dev = this.requireDev();
    const person = await this.deps.directory.person(dev.tenantId, personId);
    if (!person) {
      throw new DomainError('person_not_found', `No demo person has the id ${personId}`, {
        id: personId,
      });
    }
    const leads = (await this.deps.programmes.idsLedBy(dev.tenantId, personId)).length > 0;
    const { token, expiresAt } = await dev.issuer.issue({
      tid: dev.tenantId,
      oid: person.id,
      name: person.displayName,
      preferred_username: person.email,
      roles: leads ? [programmeLeadAppRole] : [],
    });
    return { token, tokenType: 'Bearer', expiresAt };
  }

  private requireDev() {
    if (!this.deps.dev) throw new DomainError('not_found', 'Development sign-in is off.');
    return this.deps.dev;
  }
}
