import type { Container } from '@azure/cosmos';
import { z } from 'zod';
import { dateTime, idOf, localeSchema, tenantIdSchema } from '../domain/common';
import { isDomainError } from '../domain/errors';
import { CosmosRepository, type Versioned } from './cosmos-repository';

const account = z.object({
  id: idOf('account.id'),
  name: z.string().max(200).optional(),
  aadObjectId: z.string().max(100).optional(),
});

/** What the bot needs to write to someone later (botbuilder's ConversationReference, trimmed). */
export const conversationReferenceSchema = z.object({
  channelId: idOf('channelId'),
  serviceUrl: z.url({ error: 'serviceUrl must be a URL' }),
  conversation: z.object({
    id: z.string().min(1, { error: 'conversation.id is required' }).max(1000),
    conversationType: z.string().max(50).optional(),
    tenantId: z.string().max(100).optional(),
  }),
  user: account,
  bot: account,
});
export type StoredConversationReference = z.infer<typeof conversationReferenceSchema>;

/** One per person per tenant: id = the person's Entra object id. */
export const conversationRecordSchema = z.object({
  id: idOf('id'),
  tenantId: tenantIdSchema,
  personId: idOf('personId'),
  reference: conversationReferenceSchema,
  locale: localeSchema,
  installedAt: dateTime('installedAt'),
  updatedAt: dateTime('updatedAt'),
});
export type ConversationRecord = z.infer<typeof conversationRecordSchema>;

/** Bot conversation references (conversations container), for proactive messages. */
export class ConversationRepository extends CosmosRepository<ConversationRecord> {
  constructor(container: Container) {
    super(container, conversationRecordSchema, { code: 'not_found', entity: 'Conversation' });
  }

  /**
   * Stores the person's reference on install or first message; writes only when something the
   * bot needs changed (a new serviceUrl, conversation or language), so chatting costs reads only.
   */
  async remember(
    record: Omit<ConversationRecord, 'id' | 'installedAt' | 'updatedAt'>,
    now: Date,
  ): Promise<{ record: ConversationRecord; created: boolean; changed: boolean }> {
    const at = now.toISOString();
    const existing = await this.find(record.tenantId, record.personId);
    if (existing && sameTarget(existing.value, record)) {
      return { record: existing.value, created: false, changed: false };
    }
    // Reminders and approval cards are private: a group chat or channel never replaces the
    // person's one-to-one chat with the bot.
    if (existing && isPersonal(existing.value) && !isPersonal(record)) {
      return { record: existing.value, created: false, changed: false };
    }
    const next: ConversationRecord = {
      ...record,
      id: record.personId,
      installedAt: existing?.value.installedAt ?? at,
      updatedAt: at,
    };
    if (!existing) {
      try {
        const created = await this.create(next);
        return { record: created.value, created: true, changed: true };
      } catch (error) {
        // Two first messages at once: the other one stored it; ours is as good.
        if (!isDomainError(error, 'already_exists')) throw error;
        return { record: (await this.upsert(next)).value, created: false, changed: true };
      }
    }
    const saved = await this.upsert(next);
    return { record: saved.value, created: false, changed: true };
  }

  /**
   * Tenants where someone installed the bot (for the scheduler's planning sweep). A background
   * query across partitions on purpose; the local server has no DISTINCT (TESTBED.md).
   */
  async tenants(): Promise<string[]> {
    const { resources } = await this.container.items
      .query<string>('SELECT VALUE c.tenantId FROM c')
      .fetchAll()
      .catch((error: unknown) => {
        throw this.translate(error);
      });
    return [...new Set(resources)].sort();
  }

  /** The person's stored reference, if the bot ever talked with them. */
  async ofPerson(
    tenantId: string,
    personId: string,
  ): Promise<Versioned<ConversationRecord> | undefined> {
    return this.find(tenantId, personId);
  }
}

function isPersonal(record: Pick<ConversationRecord, 'reference'>): boolean {
  return (record.reference.conversation.conversationType ?? 'personal') === 'personal';
}

function sameTarget(
  stored: ConversationRecord,
  next: Omit<ConversationRecord, 'id' | 'installedAt' | 'updatedAt'>,
): boolean {
  return (
    stored.locale === next.locale &&
    stored.reference.serviceUrl === next.reference.serviceUrl &&
    stored.reference.conversation.id === next.reference.conversation.id &&
    stored.reference.user.id === next.reference.user.id &&
    stored.reference.bot.id === next.reference.bot.id
  );
}
