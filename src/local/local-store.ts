import { mkdir, rm, stat } from 'node:fs/promises';
import type { Config } from '../config';
import type { Clock } from '../domain/clock';
import type { Logger } from '../logger';
import { createCosmosClient } from '../store/cosmos-client';
import { openStore, type Store } from '../store/database';
import { createRepositories } from '../store/repositories';
import { startEmbeddedCosmos, type EmbeddedCosmos } from './embedded-cosmos';
import { LocalDataError } from './local-data-error';
import { LocalJournal, readJournal, syncDirectory } from './local-journal';
import {
  applyWrites,
  emptyDocuments,
  loadDocuments,
  localDataFiles,
  lockDataFolder,
  readAllDocuments,
  readSnapshot,
  writeSnapshot,
  type ContainerDocuments,
  type LocalDataFiles,
} from './local-snapshot';
import { checkStoredDocuments, schemaChecks } from './stored-documents-check';
import { seedDemoData } from './seed/seed-demo';

/** The store in local mode, and what closing it takes (the last snapshot, the embedded server). */
export type LocalStore = {
  readonly store: Store;
  readonly embedded: EmbeddedCosmos;
  close(): Promise<void>;
};

/** The journal is folded into the snapshot past this many lines or bytes, and at shutdown. */
const defaultCompactAfter = { lines: 10_000, bytes: 16 * 1024 * 1024 };
/** ...and this often when it holds anything, so a long session restarts quickly. */
const compactEveryMs = 10 * 60_000;

/**
 * Local mode (no COSMOS_ENDPOINT): the Cosmos protocol server embedded on loopback, its data
 * loaded from the snapshot and journal, every acknowledged write journaled before its answer, the
 * demo company loaded on a first start. Loaded with a dynamic import by src/app/open-store.ts, so
 * a production start never loads it.
 */
export async function openLocalStore(
  config: Config,
  clock: Clock,
  log: Logger,
  options: { compactAfter?: { lines: number; bytes: number } } = {},
): Promise<LocalStore> {
  const local = config.cosmos;
  if (local.mode !== 'embedded') throw new Error('Local mode needs no COSMOS_ENDPOINT.');
  const embedded = await startEmbeddedCosmos(0, {
    onJournalError: (e) =>
      log.error('local journal write failed: the write was not acknowledged', e),
  });
  const store = await openStore(
    createCosmosClient({ endpoint: embedded.endpoint, key: embedded.key }),
    local.database,
  );
  const closeServer = async () => {
    store.client.dispose();
    await embedded.close();
  };
  if (!local.snapshot) {
    if (config.seedDemoData) await seed(store, config, clock, log);
    return { store, embedded, close: closeServer };
  }

  let durability: LocalDurability;
  let unlock: () => Promise<void> = async () => {};
  try {
    const files = localDataFiles(local.dataDir);
    await mkdir(files.dir, { recursive: true });
    unlock = await lockDataFolder(files);
    const data = await readLocalData(files);
    if (data) {
      for (const line of checkStoredDocuments(
        data.documents,
        schemaChecks(createRepositories(store)),
      )) {
        log.warn(
          `Local data check: ${line}. Reading them will fail until they are fixed or removed (npm run reset starts afresh).`,
        );
      }
      const count = await loadDocuments(store, data.documents);
      const replayed = data.replayed
        ? `, then ${data.replayed} journaled writes replayed${data.tornTail ? '; an interrupted last journal line was ignored' : ''}`
        : '';
      const from = data.savedAt
        ? `${files.snapshot} (${count} documents saved ${data.savedAt}${replayed})`
        : `${files.journal} (${count} documents${replayed})`;
      log.info(`Local data restored from ${from}.`);
    } else if (config.seedDemoData) {
      await seed(store, config, clock, log);
    }
    durability = new LocalDurability({
      store,
      files,
      clock,
      log,
      compactAfter: options.compactAfter ?? defaultCompactAfter,
    });
    // Fold what was replayed (or seeded) into a fresh snapshot before journaling again.
    if (!data || data.journaled) await durability.compactBeforeStart();
    durability.start(embedded);
    log.info(
      `Local data is saved in ${files.dir} (snapshot, and a journal of every write); run "npm run reset" to start afresh.`,
    );
  } catch (error) {
    await closeServer();
    await unlock();
    throw error;
  }
  return {
    store,
    embedded,
    async close() {
      await durability.close(embedded);
      await closeServer();
      await unlock();
    },
  };
}

async function seed(store: Store, config: Config, clock: Clock, log: Logger): Promise<void> {
  const count = await seedDemoData(store, config.demoTenantId, clock);
  log.info(`Demo data loaded: Maison Lumière, ${count} documents.`);
}

/** What the data folder held: the merged documents, and how they were obtained. */
type LocalData = {
  readonly documents: ContainerDocuments;
  readonly savedAt?: string;
  /** Journaled writes replayed over the snapshot. */
  readonly replayed: number;
  readonly tornTail: boolean;
  /** A journal file with anything in it: fold it into a new snapshot before journaling again. */
  readonly journaled: boolean;
};

/** The snapshot, then the interrupted compaction's journal, then the journal; undefined when empty. */
export async function readLocalData(files: LocalDataFiles): Promise<LocalData | undefined> {
  const advice = (file: string) =>
    [
      'Nothing was changed.',
      `  To start afresh with the demo data: npm run reset (with the same LOCAL_DATA_DIR; it deletes the snapshot and journal in ${files.dir}).`,
      file === files.snapshot
        ? `  To keep the writes since the last snapshot: move ${file} out of ${files.dir} and start again (the journal is replayed over an empty store).`
        : `  To keep the rest: move ${file} out of ${files.dir} and start again (the writes it holds are lost).`,
    ].join('\n');
  const snapshot = await readSnapshot(files.snapshot, advice(files.snapshot));
  let documents = snapshot?.documents ?? emptyDocuments();
  let replayed = 0;
  let tornTail = false;
  let journaled = false;
  for (const file of [files.compacting, files.journal]) {
    const journal = await readJournal(file, advice(file));
    if (!journal) continue;
    documents = applyWrites(documents, journal.writes, { file, recovery: advice(file) });
    replayed += journal.writes.length;
    tornTail ||= journal.tornTail;
    journaled ||= journal.writes.length > 0 || journal.tornTail || file === files.compacting;
  }
  if (!snapshot && !journaled) return undefined;
  return {
    documents,
    ...(snapshot ? { savedAt: snapshot.savedAt } : {}),
    replayed,
    tornTail,
    journaled,
  };
}

/**
 * Keeps the local data durable while the app runs: the journal the embedded server writes to, and
 * compaction (journal renamed aside, snapshot written from the live store, renamed journal
 * deleted). A crash at any point leaves files that replay to every acknowledged write.
 */
class LocalDurability {
  private journal: LocalJournal | undefined;
  private compaction: Promise<void> = Promise.resolve();
  private compactionQueued = false;
  private broken = false;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly deps: {
      store: Store;
      files: LocalDataFiles;
      clock: Clock;
      log: Logger;
      compactAfter: { lines: number; bytes: number };
    },
  ) {}

  /** Open the journal and have the embedded server write to it. */
  start(embedded: EmbeddedCosmos): void {
    this.journal = LocalJournal.open(this.deps.files.journal, (j) => {
      const { lines, bytes } = j.size;
      const limit = this.deps.compactAfter;
      if (lines >= limit.lines || bytes >= limit.bytes) this.compactSoon();
    });
    embedded.journalTo(this.journal);
    this.timer = setInterval(() => {
      if ((this.journal?.size.lines ?? 0) > 0) this.compactSoon();
    }, compactEveryMs);
    this.timer.unref();
  }

  /** Fold the journal into a new snapshot (one compaction at a time). */
  compact(): Promise<void> {
    this.compaction = this.compaction.then(() => this.compactNow());
    return this.compaction;
  }

  async close(embedded: EmbeddedCosmos): Promise<void> {
    clearInterval(this.timer);
    await this.compact();
    embedded.journalTo(undefined);
    await this.journal?.close();
  }

  private compactSoon(): void {
    if (this.compactionQueued || this.broken) return;
    this.compactionQueued = true;
    setImmediate(() => {
      this.compactionQueued = false;
      void this.compact();
    });
  }

  private async compactNow(): Promise<void> {
    if (this.broken) return;
    const { files, log } = this.deps;
    try {
      await this.rotateAndSnapshot();
    } catch (error) {
      // The journals stay and are replayed at the next start; compacting again would overwrite
      // the renamed one, so stop compacting (writes are still journaled).
      this.broken = true;
      const size = await stat(files.compacting).then(
        (s) => s.size,
        () => 0,
      );
      log.error(
        `local snapshot failed; every write stays in the journal (${size} bytes set aside) and is replayed at the next start`,
        error,
      );
    }
  }

  /**
   * Before the journal is opened: a failure stops the start, since appending to a journal whose
   * last line was cut short would glue new lines to it.
   */
  async compactBeforeStart(): Promise<void> {
    try {
      await this.rotateAndSnapshot();
    } catch (error) {
      throw new LocalDataError(
        this.deps.files.snapshot,
        `could not be written (${error instanceof Error ? error.message : String(error)})`,
        `Nothing was lost: the previous snapshot and journal are still in ${this.deps.files.dir}. Make the folder writable or free some space, then start again.`,
        error,
      );
    }
  }

  private async rotateAndSnapshot(): Promise<void> {
    const { store, files, clock } = this.deps;
    if (this.journal) await this.journal.rotate(files.compacting);
    await writeSnapshot(files.snapshot, await readAllDocuments(store), clock.now());
    await rm(files.compacting, { force: true });
    if (!this.journal) await rm(files.journal, { force: true });
    syncDirectory(files.dir);
  }
}

/** The demo company in a remote store (SEED_DEMO_DATA=true with COSMOS_ENDPOINT). */
export { seedDemoData } from './seed/seed-demo';
