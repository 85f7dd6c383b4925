import type { Container } from '@azure/cosmos';
import {
  privateNotebookId,
  privateNotebookSchema,
  type PrivateNotebook,
} from '../domain/pair/private-notes';
import { CosmosRepository, type Versioned } from './cosmos-repository';

/**
 * Private notes (notes container): one notebook per author per pair. Every read names the author,
 * and there is deliberately no way to list a pair's notes regardless of who wrote them.
 */
export class NoteRepository extends CosmosRepository<PrivateNotebook> {
  constructor(container: Container) {
    super(container, privateNotebookSchema, { code: 'not_found', entity: 'Private notebook' });
  }

  /** The author's notebook on one pair: a point read (undefined before their first note). */
  async notebookOf(
    tenantId: string,
    pairId: string,
    authorId: string,
  ): Promise<Versioned<PrivateNotebook> | undefined> {
    return this.find(tenantId, privateNotebookId(pairId, authorId));
  }

  /** Every notebook the author wrote, on any pair: their own data (export). */
  async ofAuthor(tenantId: string, authorId: string): Promise<Versioned<PrivateNotebook>[]> {
    return this.query(tenantId, {
      where: 'c.authorId = @authorId',
      parameters: [{ name: '@authorId', value: authorId }],
    });
  }
}
