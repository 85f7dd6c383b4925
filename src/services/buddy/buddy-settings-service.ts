import type { BuddyMeResponse, BuddySettingsBody } from '../../contracts/buddy';
import {
  applyBuddyEdit,
  defaultBuddySettings,
  helpsThisWeek,
  type BuddySettings,
  type BuddySettingsEdit,
} from '../../domain/buddy/buddy-settings';
import { DomainError } from '../../domain/errors';
import type { Principal } from '../auth/principal';
import { catalogueOf, type BuddyServiceDeps } from './buddy-context';

/** The caller as quick help needs them (the tab's principal or the bot's user). */
export type BuddyCaller = Pick<Principal, 'tenantId' | 'personId'> & { locale?: 'fr' | 'en' };

/** What a person edits of their settings: the stored document without its bookkeeping. */
function editOf(settings: BuddySettings): BuddySettingsEdit {
  const {
    id: _id,
    tenantId: _t,
    skillIds: _s,
    week: _w,
    helpsTotal: _h,
    updatedAt: _u,
    ...edit
  } = settings;
  return edit;
}

/**
 * A buddy's settings (quick help, issue #17): read (prefilled from the programme profile until
 * first saved), saved from the tab, switched on and off from chat.
 */
export class BuddySettingsService {
  constructor(private readonly deps: BuddyServiceDeps) {}

  /** The caller's settings, or the prefilled ones (programme profile) when never saved. */
  async me(caller: BuddyCaller): Promise<BuddyMeResponse> {
    const [{ settings, version }, catalogue] = await Promise.all([
      this.settingsOf(caller),
      catalogueOf(this.deps, caller.tenantId),
    ]);
    return this.meView(settings, version, catalogue);
  }

  /** Saves the caller's settings (`version`: the ETag they edited; required once saved). */
  async saveMe(caller: BuddyCaller, body: BuddySettingsBody): Promise<BuddyMeResponse> {
    const { version, ...edit } = body;
    const catalogue = await catalogueOf(this.deps, caller.tenantId);
    const known = new Set(catalogue.map((s) => s.id));
    const unknown = edit.skills.findIndex((s) => !known.has(s.skillId));
    if (unknown >= 0) {
      throw new DomainError(
        'validation_failed',
        `skills.${unknown}.skillId is not in the catalogue`,
        {
          issues: [
            { path: `skills.${unknown}.skillId`, message: 'skillId is not in the catalogue' },
          ],
        },
      );
    }
    const saved = await this.write(caller, edit, version);
    return this.meView(saved.value, saved.etag, catalogue);
  }

  /** "buddy on" / "buddy off" from chat: the same settings, switched. */
  async setActive(caller: BuddyCaller, active: boolean): Promise<BuddyMeResponse> {
    const { settings, version } = await this.settingsOf(caller);
    const edit = editOf(settings);
    const saved = await this.write(
      caller,
      { ...edit, active, pausedUntil: active ? null : edit.pausedUntil },
      version ?? undefined,
    );
    return this.meView(saved.value, saved.etag, await catalogueOf(this.deps, caller.tenantId));
  }

  private async write(caller: BuddyCaller, edit: BuddySettingsEdit, version: string | undefined) {
    const now = this.deps.clock.now();
    const stored = await this.deps.buddies.find(caller.tenantId, caller.personId);
    if (!stored) {
      const base = await this.prefilled(caller);
      return this.deps.buddies.create(applyBuddyEdit(base, edit, now));
    }
    if (version === undefined) {
      throw new DomainError('version_conflict', 'Send the version of the settings you edited', {
        id: caller.personId,
      });
    }
    return this.deps.buddies.replace(applyBuddyEdit(stored.value, edit, now), version);
  }

  private async settingsOf(
    caller: BuddyCaller,
  ): Promise<{ settings: BuddySettings; version: string | null }> {
    const stored = await this.deps.buddies.find(caller.tenantId, caller.personId);
    if (stored) return { settings: stored.value, version: stored.etag };
    return { settings: await this.prefilled(caller), version: null };
  }

  private async prefilled(caller: BuddyCaller): Promise<BuddySettings> {
    const now = this.deps.clock.now();
    const [person, profile, catalogue] = await Promise.all([
      this.deps.people.find(caller.tenantId, caller.personId),
      this.deps.profiles.find(caller.tenantId, caller.personId),
      catalogueOf(this.deps, caller.tenantId),
    ]);
    const who = person?.value ?? {
      id: caller.personId,
      tenantId: caller.tenantId,
      preferredLocale: caller.locale ?? 'en',
      timeZone: 'UTC',
    };
    return defaultBuddySettings(who, now, profile?.value, new Set(catalogue.map((s) => s.id)));
  }

  private meView(
    settings: BuddySettings,
    version: string | null,
    catalogue: BuddyMeResponse['catalogue'],
  ): BuddyMeResponse {
    return {
      settings: editOf(settings),
      version,
      helpsThisWeek: helpsThisWeek(settings, this.deps.clock.now()),
      helpsTotal: settings.helpsTotal,
      catalogue,
    };
  }
}
