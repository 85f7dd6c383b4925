import { z } from 'zod';
import { dateTime, idOf, idSchema, tenantIdSchema } from '../common';

/**
 * The audit log: who (a lead, a manager, the person themself) did what to what, and when. Entries
 * are appended and never changed. They carry ids only, never names, e-mails or free text, so an
 * erasure leaves no name behind in them (names are looked up when the log is read).
 */
export const auditActions = [
  'programme.created',
  'programme.edited',
  'programme.status_changed',
  'programme.retention_changed',
  'programme.purged',
  'participants.imported',
  'matching.run_started',
  'matching.accepted_all',
  'matching.swapped',
  'matching.published',
  'matching.pinned',
  'matching.blocked',
  'matching.constraint_removed',
  'approval.decided',
  'nudge.sent',
  'reminder.sent',
  'report.exported',
  'personal_data.exported',
  'personal_data.erased',
] as const;
export const auditActionSchema = z.enum(auditActions, {
  error: `action must be one of ${auditActions.join(', ')}`,
});
export type AuditAction = z.infer<typeof auditActionSchema>;

export const auditTargetTypes = [
  'programme',
  'person',
  'pair',
  'approval',
  'import',
  'run',
] as const;
export const auditTargetTypeSchema = z.enum(auditTargetTypes, {
  error: `targetType must be one of ${auditTargetTypes.join(', ')}`,
});
export type AuditTargetType = z.infer<typeof auditTargetTypeSchema>;

/** Small facts about the action (a status, a count, a decision): never names or free text. */
const auditDetail = z.union([z.string().max(200), z.number(), z.boolean()]);

export const auditEntrySchema = z.object({
  id: idSchema,
  tenantId: tenantIdSchema,
  at: dateTime('at'),
  /** Who acted; `system` for background work (the retention purge). */
  actorId: idOf('actorId'),
  /** In what capacity: a programme or tenant lead, a manager, the person themself, the system. */
  actorRole: z.enum(['lead', 'manager', 'self', 'system'], {
    error: 'actorRole must be lead, manager, self or system',
  }),
  action: auditActionSchema,
  targetType: auditTargetTypeSchema,
  targetId: idOf('targetId'),
  /** The programme concerned, when there is one (filters). */
  programmeId: idOf('programmeId').optional(),
  /** People the action is about, besides a person target (an approval's employee): "about them". */
  subjectIds: z.array(idOf('subjectId')).max(10).optional(),
  details: z.record(z.string(), auditDetail).optional(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

/** What a caller records; id, tenant and time are added by the audit service. */
export type AuditRecord = Omit<AuditEntry, 'id' | 'tenantId' | 'at'>;

/** The actor id of background work. */
export const systemActorId = 'system';
