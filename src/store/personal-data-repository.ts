import type { Container, ItemDefinition, SqlParameter } from '@azure/cosmos';
import { DomainError } from '../domain/errors';
import {
  holdsToken,
  mentions,
  needlesOf,
  scrubMentions,
  type PersonTraces,
} from '../domain/privacy/erasure';
import type { Store } from './database';
import { containerNames, containers, type ContainerName } from './containers';

const cosmosMetadata = ['_rid', '_self', '_etag', '_attachments', '_ts'] as const;
const pageSize = 1_000;

/** What a sweep did in each container. */
export type SweepCounts = Partial<Record<ContainerName, { rewritten: number; deleted: number }>>;

/**
 * Personal data across every container, for erasure and retention: the one place that reads a
 * tenant's documents whatever their aggregate. An erasure is rare and must miss nothing, so it
 * reads every document of the tenant (a few seconds for a large tenant) rather than trusting a
 * list of fields that the next feature would outgrow. The audit log is never touched here.
 */
export class PersonalDataRepository {
  constructor(private readonly store: Pick<Store, 'container'>) {}

  /**
   * Removes every mention of the person from every container but the audit log: a document whose
   * id carries their id is theirs and is deleted; any other is rewritten with `scrubMentions`
   * (ETag-conditional, re-read on a conflict). Idempotent: a second sweep finds nothing.
   */
  async sweepPerson(
    tenantId: string,
    traces: PersonTraces,
    pseudonym: string,
  ): Promise<SweepCounts> {
    const needles = needlesOf(traces);
    const counts: SweepCounts = {};
    // The directory entry last: a sweep cut short (the store went away) is run again with the
    // person's name and e-mail still at hand.
    const order: ContainerName[] = [
      ...containerNames.filter((n) => n !== 'people' && n !== 'audit'),
      'people',
    ];
    for (const name of order) {
      const container = this.store.container(name);
      const tally = { rewritten: 0, deleted: 0 };
      for await (const doc of this.documents(container, tenantId)) {
        if (!mentions(strip(doc), needles)) continue;
        const id = String(doc.id);
        if (holdsToken(id, traces.personId)) {
          await this.remove(container, partitionOf(name, doc, tenantId), id);
          tally.deleted++;
          continue;
        }
        await this.rewrite(container, partitionOf(name, doc, tenantId), doc, (d) =>
          scrubMentions(d, traces, pseudonym),
        );
        tally.rewritten++;
      }
      if (tally.rewritten + tally.deleted > 0) counts[name] = tally;
    }
    return counts;
  }

  /** Deletes the tenant's documents of `container` matching `where` (over alias `c`). */
  async deleteWhere(
    name: Exclude<ContainerName, 'audit'>,
    tenantId: string,
    where: string,
    parameters: readonly SqlParameter[],
  ): Promise<number> {
    const container = this.store.container(name);
    let deleted = 0;
    for await (const doc of this.documents(container, tenantId, where, parameters)) {
      await this.remove(container, partitionOf(name, doc, tenantId), String(doc.id));
      deleted++;
    }
    return deleted;
  }

  /** Every document of the tenant in `container` (optionally filtered), page by page. */
  async *documents(
    container: Container,
    tenantId: string,
    where?: string,
    parameters: readonly SqlParameter[] = [],
  ): AsyncGenerator<ItemDefinition> {
    const iterator = container.items.query<ItemDefinition>(
      {
        query: `SELECT * FROM c WHERE c.tenantId = @tenantId${where ? ` AND (${where})` : ''}`,
        parameters: [{ name: '@tenantId', value: tenantId }, ...parameters],
      },
      // Containers keyed by more than the tenant (help requests: tenant|month) are read whole.
      { maxItemCount: pageSize },
    );
    // Collect first: deleting while paging would move the continuation under our feet.
    const all: ItemDefinition[] = [];
    while (iterator.hasMoreResults()) {
      const page = await iterator.fetchNext().catch((error: unknown) => {
        throw unavailable(error);
      });
      all.push(...page.resources);
    }
    yield* all;
  }

  private async remove(container: Container, partitionKey: string, id: string): Promise<void> {
    try {
      await container.item(id, partitionKey).delete();
    } catch (error) {
      if (statusOf(error) === 404) return;
      throw unavailable(error);
    }
  }

  private async rewrite(
    container: Container,
    partitionKey: string,
    first: ItemDefinition,
    change: (doc: Record<string, unknown>) => Record<string, unknown>,
  ): Promise<void> {
    let doc: ItemDefinition | undefined = first;
    for (let attempt = 1; doc; attempt++) {
      const next = change(strip(doc));
      try {
        await container.item(String(doc.id), partitionKey).replace(next, {
          accessCondition: { type: 'IfMatch', condition: String(doc._etag) },
        });
        return;
      } catch (error) {
        const status = statusOf(error);
        if (status === 404) return;
        if (status !== 412 || attempt >= 5) throw unavailable(error);
        doc = (await container.item(String(doc.id), partitionKey).read<ItemDefinition>()).resource;
      }
    }
  }
}

/**
 * The partition-key value of `doc` in container `name`: the tenant for most containers, the
 * document's own key where the container is partitioned otherwise (help requests: tenant|month).
 */
function partitionOf(name: ContainerName, doc: ItemDefinition, tenantId: string): string {
  const path = containers[name].partitionKey.paths[0] ?? '/tenantId';
  const value: unknown = doc[path.slice(1)];
  return typeof value === 'string' ? value : tenantId;
}

function strip(doc: ItemDefinition): Record<string, unknown> {
  const plain: Record<string, unknown> = { ...doc };
  for (const key of cosmosMetadata) delete plain[key];
  return plain;
}

function statusOf(error: unknown): number | undefined {
  if (typeof error === 'object' && error !== null) {
    const e = error as { code?: unknown; statusCode?: unknown };
    if (typeof e.code === 'number') return e.code;
    if (typeof e.statusCode === 'number') return e.statusCode;
  }
  return undefined;
}

function unavailable(error: unknown): DomainError {
  const message =
    error instanceof Error ? (error.message.split('\n')[0] ?? error.name) : String(error);
  return new DomainError('store_unavailable', `Cosmos DB is unavailable: ${message}`, undefined, {
    cause: error,
  });
}
