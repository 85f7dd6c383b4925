import type { Container } from '@azure/cosmos';
import { z } from 'zod';
import { dateTime, idSchema, tenantIdSchema } from '../domain/common';
import { CosmosRepository, type Versioned } from './cosmos-repository';

/** A participants import (jobs container, kind `participant_import`): progress and each row's fate. */
export const importJobDocumentSchema = z.object({
  id: idSchema,
  tenantId: tenantIdSchema,
  kind: z.literal('participant_import'),
  programmeId: idSchema,
  fileName: z.string().nullable(),
  status: z.enum(['queued', 'running', 'succeeded', 'failed']),
  total: z.number().int().min(0),
  processed: z.number().int().min(0),
  created: z.number().int().min(0),
  updated: z.number().int().min(0),
  unchanged: z.number().int().min(0),
  applied: z.array(
    z.object({
      line: z.number().int(),
      email: z.string(),
      personId: z.string(),
      outcome: z.enum(['create', 'update', 'unchanged']),
    }),
  ),
  errors: z.array(
    z.object({ line: z.number().int(), email: z.string(), code: z.string(), message: z.string() }),
  ),
  createdBy: idSchema,
  createdAt: dateTime('createdAt'),
  updatedAt: dateTime('updatedAt'),
  finishedAt: dateTime('finishedAt').nullable(),
});
export type ImportJobDocument = z.infer<typeof importJobDocumentSchema>;

/** Participant import jobs in the jobs container (other job kinds live beside them). */
export class ImportJobRepository extends CosmosRepository<ImportJobDocument> {
  constructor(container: Container) {
    super(container, importJobDocumentSchema, { code: 'not_found', entity: 'Import job' });
  }

  /** The latest imports of a programme, newest first. */
  async ofProgramme(
    tenantId: string,
    programmeId: string,
    top = 20,
  ): Promise<Versioned<ImportJobDocument>[]> {
    return this.query(tenantId, {
      where: 'c.kind = @kind AND c.programmeId = @programmeId',
      parameters: [
        { name: '@kind', value: 'participant_import' },
        { name: '@programmeId', value: programmeId },
      ],
      orderBy: 'c.createdAt DESC',
      top,
    });
  }
}
