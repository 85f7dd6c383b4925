import type { Container } from '@azure/cosmos';
import { buddySettingsSchema, type BuddySettings } from '../domain/buddy/buddy-settings';
import { buddyWeekSchema, type BuddyWeek } from '../domain/buddy/buddy-figures';
import { CosmosRepository, type Versioned } from './cosmos-repository';

/** Quick-help settings (buddies container, partition `/tenantId`, id = person id). */
export class BuddyRepository extends CosmosRepository<BuddySettings> {
  constructor(container: Container) {
    super(container, buddySettingsSchema, { code: 'not_found', entity: 'Buddy settings' });
  }

  /**
   * Buddies who might take a request on `skillId` (null: an unknown topic): active and listing the
   * skill, or "anything digital". One single-partition query; the ranking does the rest.
   */
  async candidates(tenantId: string, skillId: string | null): Promise<Versioned<BuddySettings>[]> {
    if (skillId === null) {
      return this.query(tenantId, { where: 'c.active = true AND c.anythingDigital = true' });
    }
    return this.query(tenantId, {
      where:
        'c.active = true AND (ARRAY_CONTAINS(c.skillIds, @skillId) OR c.anythingDigital = true)',
      parameters: [{ name: '@skillId', value: skillId }],
    });
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
