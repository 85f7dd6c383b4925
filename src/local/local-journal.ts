import {
  closeSync,
  fdatasync,
  fdatasyncSync,
  fsyncSync,
  openSync,
  renameSync,
  writeSync,
} from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { z } from 'zod';
import type { StoreWrite, WriteSink } from './embedded-cosmos';
import { LocalDataError } from './local-data-error';

/**
 * The local store's write-ahead journal: one JSON line per document write, appended synchronously
 * as the embedded server applies the write (so lines keep the order of the writes), and made
 * durable by `fdatasync` before the write's HTTP response leaves. Writes that arrive while a sync
 * is running wait for the next one, which covers them all (group commit).
 */
export class LocalJournal implements WriteSink {
  private fd: number;
  /** Tickets handed out (one per write) and tickets known to be on disk. */
  private written = 0;
  private synced = 0;
  private lines = 0;
  private bytes = 0;
  private syncs = 0;
  private syncing = false;
  private paused = false;
  private closed = false;
  private failure: unknown;
  private waiters: Array<{ ticket: number; resolve: () => void; reject: (e: unknown) => void }> =
    [];
  private idle: Array<() => void> = [];

  private constructor(
    readonly file: string,
    private readonly onRecord: (journal: LocalJournal) => void,
  ) {
    this.fd = openSync(file, 'a');
    syncDirectory(dirname(file));
  }

  /** Open (create) `file` for appending. `onRecord` is told after each write (compaction trigger). */
  static open(file: string, onRecord: (journal: LocalJournal) => void = () => {}): LocalJournal {
    return new LocalJournal(file, onRecord);
  }

  /** Lines and bytes appended since the journal was opened or last rotated. */
  get size(): { lines: number; bytes: number } {
    return { lines: this.lines, bytes: this.bytes };
  }

  /** fdatasync calls so far: with concurrent writers, fewer than writes (group commit). */
  get syncCount(): number {
    return this.syncs;
  }

  record(write: StoreWrite): number {
    const ticket = ++this.written;
    // A request that began before shutdown may write after close(): never into a reused fd.
    if (this.closed)
      this.failure ??= new Error('the local journal is closed (the app is stopping)');
    if (this.failure === undefined) {
      try {
        const line = Buffer.from(`${JSON.stringify({ seq: ticket, ...write })}\n`);
        writeFully(this.fd, line);
        this.lines++;
        this.bytes += line.length;
      } catch (error) {
        this.failure = error;
      }
    }
    this.onRecord(this);
    return ticket;
  }

  durable(ticket: number): Promise<void> {
    if (this.failure !== undefined) return Promise.reject(toError(this.failure));
    if (ticket <= this.synced) return Promise.resolve();
    return new Promise((resolve, reject) => {
      this.waiters.push({ ticket, resolve, reject });
      this.syncSoon();
    });
  }

  /**
   * Start a fresh journal at `file`, the current one renamed to `archive` once everything in it is
   * on disk: a snapshot taken after this covers the archive, which can then be deleted.
   */
  async rotate(archive: string): Promise<void> {
    await this.pause();
    try {
      this.syncNow();
      // Renamed while open, then swapped: if any step fails, the descriptor in use stays valid.
      renameSync(this.file, archive);
      let next: number;
      try {
        next = openSync(this.file, 'a');
      } catch (error) {
        this.failure ??= error;
        throw error;
      }
      closeSync(this.fd);
      this.fd = next;
      syncDirectory(dirname(this.file));
      this.lines = 0;
      this.bytes = 0;
    } finally {
      this.resume();
    }
  }

  /** Sync what is pending and close the file. */
  async close(): Promise<void> {
    await this.pause();
    this.syncNow();
    this.closed = true;
    closeSync(this.fd);
  }

  /** One fdatasync at a time, covering every line written when it starts. */
  private syncSoon(): void {
    if (this.syncing || this.paused || this.waiters.length === 0) return;
    this.syncing = true;
    const upTo = this.written;
    this.syncs++;
    fdatasync(this.fd, (error) => {
      this.syncing = false;
      if (error) this.failure ??= error;
      else this.synced = Math.max(this.synced, upTo);
      this.settle();
      if (this.paused) this.idle.splice(0).forEach((f) => f());
      else this.syncSoon();
    });
  }

  private syncNow(): void {
    if (this.failure === undefined) {
      try {
        fdatasyncSync(this.fd);
        this.syncs++;
        this.synced = this.written;
      } catch (error) {
        this.failure = error;
      }
    }
    this.settle();
  }

  private settle(): void {
    const waiting = this.waiters;
    this.waiters = [];
    for (const w of waiting) {
      if (this.failure !== undefined) w.reject(toError(this.failure));
      else if (w.ticket <= this.synced) w.resolve();
      else this.waiters.push(w);
    }
  }

  private pause(): Promise<void> {
    this.paused = true;
    if (!this.syncing) return Promise.resolve();
    return new Promise((resolve) => this.idle.push(resolve));
  }

  private resume(): void {
    this.paused = false;
    this.syncSoon();
  }
}

function writeFully(fd: number, buffer: Buffer): void {
  for (let offset = 0; offset < buffer.length;) {
    offset += writeSync(fd, buffer, offset, buffer.length - offset);
  }
}

function toError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}

/** Make a rename or a new file in `dir` durable (a no-op where directories cannot be synced). */
export function syncDirectory(dir: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(dir, 'r');
    fsyncSync(fd);
  } catch {
    // Windows cannot open a directory for fsync; the rename is as durable as the platform allows.
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

const journalLine = z.discriminatedUnion('op', [
  z.object({
    seq: z.number().int().positive(),
    op: z.enum(['create', 'upsert', 'replace']),
    container: z.string().min(1),
    doc: z.looseObject({ id: z.string().min(1) }),
  }),
  z.object({
    seq: z.number().int().positive(),
    op: z.literal('delete'),
    container: z.string().min(1),
    id: z.string().min(1),
    partitionKey: z.string().optional(),
  }),
]);

/** What a journal file held: its writes in order, and whether its last line was cut short. */
export type JournalContents = {
  readonly writes: readonly StoreWrite[];
  /** A crash in the middle of an append leaves a last line without its newline: it is ignored. */
  readonly tornTail: boolean;
};

/**
 * Read a journal file (none: no writes). A last line without its newline is a write the crash
 * interrupted, never acknowledged, and is skipped; any other unreadable line stops the start.
 */
export async function readJournal(
  file: string,
  recovery: string,
): Promise<JournalContents | undefined> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new LocalDataError(file, `cannot be read (${String(error)})`, recovery, error);
  }
  const lines = text.split('\n');
  const tail = lines.pop() ?? '';
  const writes: StoreWrite[] = [];
  lines.forEach((line, index) => {
    if (line.trim() === '') return;
    let parsed: ReturnType<typeof journalLine.safeParse>;
    try {
      parsed = journalLine.safeParse(JSON.parse(line));
    } catch {
      throw new LocalDataError(file, `line ${index + 1} is not valid JSON`, recovery);
    }
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new LocalDataError(
        file,
        `line ${index + 1} is not a journal entry (${issue?.path.join('.') || 'entry'}: ${issue?.message ?? 'invalid'})`,
        recovery,
      );
    }
    const { seq: _seq, ...write } = parsed.data;
    writes.push(write as StoreWrite);
  });
  return { writes, tornTail: tail.trim() !== '' };
}
