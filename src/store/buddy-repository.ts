import type { Container, ItemDefinition, SqlParameter } from '@azure/cosmos';
import {
  buddyCandidateFields,
  buddyCandidateSchema,
  buddySettingsSchema,
  isoWeek,
  type BuddyCandidate,
  type BuddySettings,
} from '../domain/buddy/buddy-settings';
import { buddyWeekSchema, type BuddyWeek } from '../domain/buddy/buddy-figures';
import { CosmosRepository, type Versioned } from './cosmos-repository';

/** Quick-help settings (buddies container, partition `/tenantId`, id = person id). */
export class BuddyRepository extends CosmosRepository<BuddySettings> {
  constructor(container: Container) {
    super(container, buddySettingsSchema, { code: 'not_found', entity: 'Buddy settings' });
  }

  /**
   * Buddies who might take a request on `skillId` (null: an unknown topic), experts first:
   * active, not paused, not at their weekly cap, not excluded, listing the skill at level 4 or 5,
   * then at 1 to 3, then "anything digital", at most `perTier` a tier, until `enough` are read.
   * Reading every buddy of a skill (thousands in a large tenant) took seconds on the local
   * server; this reads a few dozen projected documents, usually in one query. Within a tier,
   * which ones are read is the store's order, so the ranking (level, language, hours, calendar,
   * fewest helps this week) is exact among those read.
   */
  async candidates(
    tenantId: string,
    options: {
      skillId: string | null;
      now: Date;
      exclude: readonly string[];
      perTier?: number;
      enough?: number;
    },
  ): Promise<BuddyCandidate[]> {
    const perTier = options.perTier ?? 60;
    const enough = options.enough ?? 30;
    const base =
      'c.active = true AND (c.pausedUntil = null OR c.pausedUntil <= @now) ' +
      'AND (c.week.id != @week OR c.week.helps < c.weeklyCap) AND NOT ARRAY_CONTAINS(@exclude, c.id)';
    const parameters: SqlParameter[] = [
      { name: '@now', value: options.now.toISOString() },
      { name: '@week', value: isoWeek(options.now) },
      { name: '@exclude', value: [...options.exclude] },
    ];
    const found: BuddyCandidate[] = [];
    const tiers: { where: string; parameters: SqlParameter[] }[] = [];
    if (options.skillId !== null) {
      // Experts first (levels 4 and 5 are usually enough), then everyone listing the skill.
      for (const minLevel of [4, 1]) {
        tiers.push({
          where:
            'EXISTS(SELECT VALUE s FROM s IN c.skills WHERE s.skillId = @skillId AND s.level >= @minLevel' +
            (minLevel === 1 ? ' AND s.level < 4' : '') +
            ')',
          parameters: [
            { name: '@skillId', value: options.skillId },
            { name: '@minLevel', value: minLevel },
          ],
        });
      }
      tiers.push({
        where: 'c.anythingDigital = true AND NOT ARRAY_CONTAINS(c.skillIds, @skillId)',
        parameters: [{ name: '@skillId', value: options.skillId }],
      });
    } else {
      tiers.push({ where: 'c.anythingDigital = true', parameters: [] });
    }
    const fields = buddyCandidateFields.map((f) => `c.${f}`).join(', ');
    for (const tier of tiers) {
      if (found.length >= enough) break;
      const { resources } = await this.container.items
        .query<ItemDefinition>(
          {
            query: `SELECT TOP ${perTier} ${fields} FROM c WHERE c.tenantId = @tenantId AND ${base} AND ${tier.where}`,
            parameters: [{ name: '@tenantId', value: tenantId }, ...parameters, ...tier.parameters],
          },
          { partitionKey: tenantId },
        )
        .fetchAll()
        .catch((error: unknown) => {
          throw this.translate(error);
        });
      for (const r of resources) found.push(buddyCandidateSchema.parse(r));
    }
    return found;
  }
}

/** Anonymous weekly quick-help counts (buddyWeeks container, id `week:<yyyy-Www>`). */
export class BuddyWeekRepository extends CosmosRepository<BuddyWeek> {
  constructor(container: Container) {
    super(container, buddyWeekSchema, { code: 'not_found', entity: 'Quick-help week' });
  }

  /** The stored weeks from `fromWeek` on (ISO week ids sort as text). */
  async since(tenantId: string, fromWeek: string): Promise<Versioned<BuddyWeek>[]> {
    return this.query(tenantId, {
      where: 'c.week >= @from',
      parameters: [{ name: '@from', value: fromWeek }],
    });
  }
}
