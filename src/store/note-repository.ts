import type { Container } from '@azure/cosmos';
import { privateNoteSchema, type PrivateNote } from '../domain/pair';
import { CosmosRepository, type Versioned } from './cosmos-repository';

/**
 * Private session notes (notes container), one per author per session. Every read names the
 * author: there is deliberately no way to list a pair's notes regardless of who wrote them.
 */
export class NoteRepository extends CosmosRepository<PrivateNote> {
  constructor(container: Container) {
    super(container, privateNoteSchema, { code: 'not_found', entity: 'Private note' });
  }

  /** The author's notes on one pair: one single-partition query. */
  async ofAuthor(
    tenantId: string,
    pairId: string,
    authorId: string,
  ): Promise<Versioned<PrivateNote>[]> {
    return this.query(tenantId, {
      where: 'c.pairId = @pairId AND c.authorId = @authorId',
      parameters: [
        { name: '@pairId', value: pairId },
        { name: '@authorId', value: authorId },
      ],
    });
  }
}
