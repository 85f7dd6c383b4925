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
   * Buddies who might take a request on `skillId` (null: an unknown topic), best level first:
   * active, not paused, not at their weekly cap, not excluded, listing the skill at each level
   * from 5 down (then "anything digital"), at most `perTier` a level, until `enough` are read.
   * Reading every buddy of a skill (thousands in a large tenant) took seconds on the local
   * server; this reads a few hundred projected fields. Within a level, which `perTier` are read
   * is the store's order, so "fewest helps this week" ranks among those.
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
    const perTier = options.perTier ?? 40;
    const enough = options.enough ?? 60;
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
      for (let level = 5; level >= 1; level--) {
        tiers.push({
          where:
            'EXISTS(SELECT VALUE s FROM s IN c.skills WHERE s.skillId = @skillId AND s.level = @level)',
          parameters: [
            { name: '@skillId', value: options.skillId },
            { name: '@level', value: level },
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
