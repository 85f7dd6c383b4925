import type { Logger } from '../../logger';
import { createHash, randomUUID } from 'node:crypto';
import type { ImportJob, ImportPreview, ImportRowPreview } from '../../contracts/imports';
import type { Clock } from '../../domain/clock';
import { DomainError } from '../../domain/errors';
import { personSchema, type Person } from '../../domain/person';
import { newProfile, type Profile } from '../../domain/profile';
import type { Programme } from '../../domain/programme';
import type { Versioned } from '../../domain/versioned';
import type { ImportJobDocument, ImportJobRepository } from '../../store/import-job-repository';
import type { PeopleRepository } from '../../store/people-repository';
import type { ProfileRepository } from '../../store/profile-repository';
import type { Principal } from '../auth/principal';
import type { ProgrammeService } from '../programmes/programme-service';
import type { AuditRecorder } from '../privacy/audit-service';
import { importIssue, parseParticipantsCsv, type ParticipantRow } from './participant-csv';

export type ImportServiceDeps = {
  programmes: ProgrammeService;
  people: PeopleRepository;
  profiles: ProfileRepository;
  jobs: ImportJobRepository;
  clock: Clock;
  /** Where background failures go (the job records them too). */
  log: Logger;
  /** Each import started is recorded in the audit log. */
  audit?: AuditRecorder;
  /**
   * A queued or running job whose progress was not written for this long was interrupted (its
   * process died): it is shown failed, with the rows still to import (WORK_LEASE_SECONDS).
   */
  leaseMs?: number;
};

/** Rows applied at once: the local server takes ~1,500 upserts/s from one client. */
const concurrency = 8;
/** Rows whose current state is read with one pair of queries. */
const planChunk = 100;
/** Progress is written at most this often, and after each batch. */
const progressEveryMs = 500;
/** A running job not updated for this long was interrupted (its process stopped), by default. */
const defaultLeaseMs = 2 * 60 * 1000;
/** ARRAY_CONTAINS parameter lists are kept to a reasonable size. */
const lookupChunk = 500;

/** The id a new person gets: stable for a tenant and an e-mail, GUID-shaped like an Entra id. */
export function personIdFor(tenantId: string, email: string): string {
  const h = createHash('sha256').update(`${tenantId}\n${email.toLowerCase()}`).digest('hex');
  // RFC 9562 version 8 (custom) and variant bits, so it reads as a GUID and never as a real oid.
  const v = `8${h.slice(13, 16)}`;
  const variant = ((parseInt(h.slice(16, 17), 16) & 0x3) | 0x8).toString(16) + h.slice(17, 20);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${v}-${variant}-${h.slice(20, 32)}`;
}

/** What applying one row would write; `undefined` = leave as is. */
type RowPlan = {
  row: ParticipantRow;
  personId: string;
  person?: Person;
  profile?: { value: Profile; etag: string | null };
  outcome: 'create' | 'update' | 'unchanged';
};

type Lookup = {
  peopleByEmail: Map<string, Person>;
  profilesById: Map<string, Versioned<Profile>>;
};

/**
 * CSV import of participants for leads: a preview with plain-language errors per row, then a
 * background job that applies the whole file or records exactly which rows it could not apply.
 * Idempotent by e-mail: people are upserted by e-mail; a second run of the same file writes
 * nothing. Imported people get a `not_joined` profile: only they can opt in (volunteers only);
 * a profile the person already joined, paused or left is never changed by an import.
 */
export class ImportService {
  private readonly running = new Set<Promise<void>>();

  constructor(private readonly deps: ImportServiceDeps) {}

  /** Every row's outcome and problems; nothing is written. */
  async preview(principal: Principal, programmeId: string, csv: string): Promise<ImportPreview> {
    const programme = await this.deps.programmes.managed(principal, programmeId);
    return (await this.plan(principal, programme.value, csv)).preview;
  }

  /** Starts the import, or refuses the whole file (`validation_failed`, details.preview). */
  async start(
    principal: Principal,
    programmeId: string,
    csv: string,
    fileName: string | undefined,
  ): Promise<ImportJob> {
    const programme = await this.deps.programmes.managed(principal, programmeId);
    const { preview, plans, defaultTimeZone } = await this.plan(principal, programme.value, csv);
    if (!preview.acceptable) {
      const problems = preview.fileIssues.filter((i) => i.severity === 'error').length;
      throw new DomainError(
        'validation_failed',
        problems > 0
          ? 'The file cannot be imported: see the problems with the file.'
          : `The file cannot be imported: ${preview.summary.invalid === 1 ? '1 row has errors' : `${preview.summary.invalid} rows have errors`}. Nothing was imported.`,
        { preview },
      );
    }
    const now = this.deps.clock.now().toISOString();
    const job = await this.deps.jobs.create({
      id: `import-${randomUUID()}`,
      tenantId: principal.tenantId,
      kind: 'participant_import',
      programmeId,
      fileName: fileName ?? null,
      status: 'queued',
      total: plans.length,
      processed: 0,
      created: 0,
      updated: 0,
      unchanged: 0,
      applied: [],
      errors: [],
      createdBy: principal.personId,
      createdAt: now,
      updatedAt: now,
      finishedAt: null,
    });
    const rows = plans.map((p) => p.row);
    const run = this.run(job, programme.value, rows, defaultTimeZone)
      .catch(async (error: unknown) => {
        this.deps.log.error(`import ${job.value.id} failed`, error);
        await this.finishAfterFailure(job.value, rows, error).catch((again: unknown) =>
          this.deps.log.error(`import ${job.value.id} could not be marked finished`, again),
        );
      })
      .finally(() => this.running.delete(run));
    this.running.add(run);
    await this.deps.audit?.record(principal.tenantId, {
      actorId: principal.personId,
      actorRole: 'lead',
      action: 'participants.imported',
      targetType: 'import',
      targetId: job.value.id,
      programmeId,
      details: { rows: plans.length },
    });
    return this.view(job.value);
  }

  /**
   * The job's own write failed (the store went away mid-import): rather than leave it `running`
   * for good, finish it from what was saved, every row not recorded as applied listed as failed,
   * so the lead sees what to import again.
   */
  private async finishAfterFailure(
    job: ImportJobDocument,
    rows: readonly ParticipantRow[],
    error: unknown,
  ): Promise<void> {
    const reason = error instanceof DomainError ? error.message : 'unexpected error';
    const code = error instanceof DomainError ? error.code : 'internal';
    await this.deps.jobs.update(job.tenantId, job.id, (current) => {
      if (current.status === 'succeeded' || current.status === 'failed') return current;
      const recorded = new Set([...current.applied, ...current.errors].map((r) => r.line));
      const errors = [
        ...current.errors,
        ...rows
          .filter((row) => !recorded.has(row.line))
          .map((row) => ({
            line: row.line,
            email: row.email,
            code,
            message: importIssue('apply_failed', null, { reason }).message.en,
          })),
      ].sort((a, b) => a.line - b.line);
      const now = this.deps.clock.now().toISOString();
      return {
        ...current,
        errors,
        processed: current.applied.length + errors.length,
        status: errors.length === 0 ? 'succeeded' : 'failed',
        updatedAt: now,
        finishedAt: now,
      };
    });
  }

  /** A job of a programme the principal manages. */
  async job(principal: Principal, jobId: string): Promise<ImportJob> {
    if (!jobId.startsWith('import-')) throw jobNotFound(jobId);
    const found = await this.deps.jobs.find(principal.tenantId, jobId);
    if (!found) throw jobNotFound(jobId);
    await this.deps.programmes.managed(principal, found.value.programmeId);
    return this.view(found.value);
  }

  async jobsOf(principal: Principal, programmeId: string): Promise<ImportJob[]> {
    await this.deps.programmes.managed(principal, programmeId);
    const jobs = await this.deps.jobs.ofProgramme(principal.tenantId, programmeId);
    return jobs.map((j) => this.view(j.value));
  }

  private view(doc: ImportJobDocument): ImportJob {
    return view(doc, this.deps.clock, this.deps.leaseMs ?? defaultLeaseMs);
  }

  /** Waits for the imports running in this process (shutdown, tests). */
  async drain(): Promise<void> {
    while (this.running.size > 0) await Promise.allSettled([...this.running]);
  }

  private async plan(principal: Principal, programme: Programme, csv: string) {
    const parsed = parseParticipantsCsv(csv);
    const valid = parsed.rows.flatMap((r) => (r.row ? [r.row] : []));
    // A manager may be anyone of the directory or any person of the file.
    const fileEmails = new Set(
      parsed.rows.filter((r) => !r.issues.some((i) => i.column === 'email')).map((r) => r.email),
    );
    const managerEmails = parsed.rows.flatMap((r) => (r.managerEmail ? [r.managerEmail] : []));
    // The importer's own entry gives new people a sensible default time zone.
    const lookup = await this.lookup(
      principal.tenantId,
      [
        ...new Set([
          ...fileEmails,
          ...managerEmails,
          ...(principal.email ? [principal.email] : []),
        ]),
      ],
      valid.map((r) => personIdFor(principal.tenantId, r.email)),
    );
    const importer = lookup.peopleByEmail.get(principal.email);
    const defaultTimeZone = importer?.timeZone ?? 'Europe/Paris';

    const plans: RowPlan[] = [];
    const rows: ImportRowPreview[] = parsed.rows.map((r) => {
      const issues = [...r.issues];
      const m = r.managerEmail;
      if (m && !fileEmails.has(m) && !lookup.peopleByEmail.has(m)) {
        issues.push(importIssue('manager_unknown', 'managerEmail', { value: m }));
      }
      if (!r.row || issues.length > 0) {
        return {
          line: r.line,
          email: r.email,
          displayName: r.displayName,
          outcome: 'invalid',
          issues,
        };
      }
      const plan = planRow(
        r.row,
        principal.tenantId,
        programme,
        lookup,
        defaultTimeZone,
        this.deps.clock,
      );
      plans.push(plan);
      return {
        line: r.line,
        email: r.email,
        displayName: r.displayName,
        outcome: plan.outcome,
        issues,
      };
    });
    const count = (o: ImportRowPreview['outcome']) => rows.filter((r) => r.outcome === o).length;
    const preview: ImportPreview = {
      programmeId: programme.id,
      headers: parsed.headers,
      fileIssues: parsed.fileIssues,
      rows,
      summary: {
        rows: rows.length,
        invalid: count('invalid'),
        create: count('create'),
        update: count('update'),
        unchanged: count('unchanged'),
      },
      acceptable:
        rows.length > 0 &&
        count('invalid') === 0 &&
        !parsed.fileIssues.some((i) => i.severity === 'error'),
    };
    return { preview, plans, defaultTimeZone };
  }

  private async lookup(tenantId: string, emails: string[], newIds: string[]): Promise<Lookup> {
    const peopleByEmail = new Map<string, Person>();
    for (let i = 0; i < emails.length; i += lookupChunk) {
      const found = await this.deps.people.query(tenantId, {
        where: 'ARRAY_CONTAINS(@emails, c.email)',
        parameters: [{ name: '@emails', value: emails.slice(i, i + lookupChunk) }],
      });
      for (const p of found) peopleByEmail.set(p.value.email.toLowerCase(), p.value);
    }
    const ids = [...new Set([...newIds, ...[...peopleByEmail.values()].map((p) => p.id)])];
    const profilesById = new Map<string, Versioned<Profile>>();
    for (let i = 0; i < ids.length; i += lookupChunk) {
      const found = await this.deps.profiles.query(tenantId, {
        where: 'ARRAY_CONTAINS(@ids, c.id)',
        parameters: [{ name: '@ids', value: ids.slice(i, i + lookupChunk) }],
      });
      for (const p of found) profilesById.set(p.value.id, p);
    }
    return { peopleByEmail, profilesById };
  }

  /** Applies every row, recording progress, what was applied and what failed. */
  private async run(
    queued: Versioned<ImportJobDocument>,
    programme: Programme,
    rows: readonly ParticipantRow[],
    defaultTimeZone: string,
  ): Promise<void> {
    const tenantId = queued.value.tenantId;
    let job: ImportJobDocument = { ...queued.value, status: 'running' };
    let etag = queued.etag;
    let lastWrite = 0;
    const save = async (force: boolean) => {
      const now = this.deps.clock.now();
      if (!force && now.getTime() - lastWrite < progressEveryMs) return;
      lastWrite = now.getTime();
      job = { ...job, updatedAt: now.toISOString() };
      etag = (await this.deps.jobs.replace(job, etag)).etag;
    };
    await save(true);

    // Rows are planned again against the store as it is when applied (a preview may be stale),
    // a chunk at a time so the reads cost two queries per chunk, not per row.
    const applied: ImportJobDocument['applied'] = [];
    const errors: ImportJobDocument['errors'] = [];
    const counts = { create: 0, update: 0, unchanged: 0 };
    const byLine = (a: { line: number }, b: { line: number }) => a.line - b.line;
    for (let i = 0; i < rows.length; i += planChunk) {
      const chunk = rows.slice(i, i + planChunk);
      const lookup = await this.lookupRows(tenantId, chunk).catch(() => undefined);
      for (let k = 0; k < chunk.length; k += concurrency) {
        await Promise.all(
          chunk.slice(k, k + concurrency).map(async (row) => {
            try {
              const done = await this.applyRow(row, tenantId, programme, defaultTimeZone, lookup);
              counts[done.outcome] += 1;
              applied.push({ line: row.line, email: row.email, ...done });
            } catch (error) {
              this.deps.log.error(`import ${job.id}: line ${row.line} failed`, error);
              const reason = error instanceof DomainError ? error.message : 'unexpected error';
              errors.push({
                line: row.line,
                email: row.email,
                code: error instanceof DomainError ? error.code : 'internal',
                message: importIssue('apply_failed', null, { reason }).message.en,
              });
            }
          }),
        );
        const last = i + k + concurrency >= rows.length;
        job = {
          ...job,
          processed: applied.length + errors.length,
          created: counts.create,
          updated: counts.update,
          unchanged: counts.unchanged,
        };
        if (last || this.deps.clock.now().getTime() - lastWrite >= progressEveryMs) {
          job = { ...job, applied: [...applied].sort(byLine), errors: [...errors].sort(byLine) };
          await save(last);
        }
      }
    }
    job = {
      ...job,
      applied: [...applied].sort(byLine),
      errors: [...errors].sort(byLine),
      status: errors.length === 0 ? 'succeeded' : 'failed',
      finishedAt: this.deps.clock.now().toISOString(),
    };
    await save(true);
  }

  private lookupRows(tenantId: string, rows: readonly ParticipantRow[]): Promise<Lookup> {
    const emails = rows.flatMap((r) => [r.email, ...(r.managerEmail ? [r.managerEmail] : [])]);
    return this.lookup(
      tenantId,
      [...new Set(emails)],
      rows.map((r) => personIdFor(tenantId, r.email)),
    );
  }

  /** Applies one row; on a concurrent change of its profile, re-reads and retries once. */
  private async applyRow(
    row: ParticipantRow,
    tenantId: string,
    programme: Programme,
    defaultTimeZone: string,
    chunkLookup: Lookup | undefined,
  ): Promise<{ personId: string; outcome: RowPlan['outcome'] }> {
    for (let attempt = 1; ; attempt++) {
      const lookup =
        attempt === 1 && chunkLookup ? chunkLookup : await this.lookupRows(tenantId, [row]);
      const plan = planRow(row, tenantId, programme, lookup, defaultTimeZone, this.deps.clock);
      try {
        if (plan.person) await this.deps.people.upsert(plan.person);
        if (plan.profile) {
          if (plan.profile.etag === null) await this.deps.profiles.create(plan.profile.value);
          else await this.deps.profiles.replace(plan.profile.value, plan.profile.etag);
        }
        return { personId: plan.personId, outcome: plan.outcome };
      } catch (error) {
        const conflict =
          error instanceof DomainError &&
          (error.code === 'version_conflict' || error.code === 'already_exists');
        if (!conflict || attempt >= 2) throw error;
      }
    }
  }
}

/** What a row changes: a new or updated person, a new or updated `not_joined` profile. */
function planRow(
  row: ParticipantRow,
  tenantId: string,
  programme: Programme,
  lookup: Lookup,
  defaultTimeZone: string,
  clock: Clock,
): RowPlan {
  const existing = lookup.peopleByEmail.get(row.email);
  const personId = existing?.id ?? personIdFor(tenantId, row.email);
  const managerId = row.managerEmail
    ? (lookup.peopleByEmail.get(row.managerEmail)?.id ?? personIdFor(tenantId, row.managerEmail))
    : undefined;
  const locale = row.languages?.find((l): l is 'fr' | 'en' => l === 'fr' || l === 'en') ?? 'fr';

  let person: Person | undefined;
  if (!existing) {
    person = personSchema.parse({
      id: personId,
      tenantId,
      displayName: row.displayName,
      email: row.email,
      department: row.department ?? '',
      jobTitle: '',
      managerId: managerId ?? null,
      seniorityYears: 0,
      preferredLocale: locale,
      timeZone: defaultTimeZone,
    });
  } else {
    const next: Person = {
      ...existing,
      displayName: row.displayName,
      ...(row.department !== undefined ? { department: row.department } : {}),
      ...(managerId !== undefined ? { managerId } : {}),
    };
    const changed =
      next.displayName !== existing.displayName ||
      next.department !== existing.department ||
      next.managerId !== existing.managerId;
    if (changed) person = next;
  }

  const stored = lookup.profilesById.get(personId);
  let profile: RowPlan['profile'];
  let profileCreated = false;
  if (!stored) {
    profile = {
      value: newProfile(
        {
          id: personId,
          tenantId,
          programmeId: programme.id,
          roleWish: row.roleWish ?? 'both',
          languages: row.languages ?? [locale],
          timeZone: (person ?? existing)?.timeZone ?? defaultTimeZone,
        },
        clock,
      ),
      etag: null,
    };
    profileCreated = true;
  } else if (
    stored.value.programmeId === programme.id &&
    stored.value.optIn.status === 'not_joined'
  ) {
    // Only an invitation nobody has acted on yet follows the file; a volunteer's own choices win.
    const current = stored.value;
    const roleWish = row.roleWish ?? current.roleWish;
    const languages = row.languages ?? current.languages;
    if (roleWish !== current.roleWish || languages.join() !== current.languages.join()) {
      profile = {
        value: { ...current, roleWish, languages, updatedAt: clock.now().toISOString() },
        etag: stored.etag,
      };
    }
  }
  const outcome =
    !existing || profileCreated ? 'create' : person || profile ? 'update' : 'unchanged';
  return {
    row,
    personId,
    ...(person ? { person } : {}),
    ...(profile ? { profile } : {}),
    outcome,
  };
}

function jobNotFound(id: string): DomainError {
  return new DomainError('not_found', `Import job ${id} was not found`, { id });
}

/**
 * The API view of a job: a running job nobody has updated for `leaseMs` was interrupted (the
 * process running it died; a live one writes its progress every half second).
 */
function view(doc: ImportJobDocument, clock: Clock, leaseMs: number): ImportJob {
  const { tenantId: _tenant, ...job } = doc;
  const active = job.status === 'queued' || job.status === 'running';
  if (active && clock.now().getTime() - new Date(job.updatedAt).getTime() > leaseMs) {
    return {
      ...job,
      status: 'failed',
      errors: [
        ...job.errors,
        {
          line: 0,
          email: '',
          code: 'interrupted',
          message: `The import stopped after ${job.processed} of ${job.total} rows (the server restarted). Import the same file again: rows already applied are left unchanged.`,
        },
      ],
    };
  }
  return job;
}
