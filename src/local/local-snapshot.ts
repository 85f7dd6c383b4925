import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { ItemDefinition } from '@azure/cosmos';
import { containerNames, type ContainerName } from '../store/containers';
import type { Store } from '../store/database';

/**
 * The embedded Cosmos server keeps everything in memory, so `npm start` snapshots every container to
 * a JSON file after writes and reloads it at the next start. Local mode only; Azure Cosmos DB needs none of this.
 */
type SnapshotFile = {
  readonly format: 'mentoring-local-snapshot';
  readonly version: 1;
  readonly savedAt: string;
  readonly containers: Partial<Record<ContainerName, ItemDefinition[]>>;
};

const metadata = ['_rid', '_self', '_etag', '_attachments', '_ts'];

/** Write every document of every container to `file`, atomically (write, then rename). */
export async function saveSnapshot(store: Store, file: string, savedAt: Date): Promise<number> {
  const snapshot: SnapshotFile = {
    format: 'mentoring-local-snapshot',
    version: 1,
    savedAt: savedAt.toISOString(),
    containers: {},
  };
  let count = 0;
  for (const name of containerNames) {
    const { resources } = await store
      .container(name)
      .items.query<ItemDefinition>('SELECT * FROM c')
      .fetchAll();
    snapshot.containers[name] = resources.map((r) => {
      const copy: ItemDefinition = { ...r };
      for (const key of metadata) delete copy[key];
      return copy;
    });
    count += resources.length;
  }
  await mkdir(dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.tmp`;
  await writeFile(temp, JSON.stringify(snapshot));
  await rename(temp, file);
  return count;
}

/** Load `file` into the store; false when there is no snapshot yet. */
export async function restoreSnapshot(
  store: Store,
  file: string,
): Promise<false | { documents: number; savedAt: string }> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
  let snapshot: SnapshotFile;
  try {
    snapshot = JSON.parse(text) as SnapshotFile;
  } catch (error) {
    throw new Error(
      `The local data snapshot ${file} is not valid JSON; delete it (npm run reset) to start afresh`,
      {
        cause: error,
      },
    );
  }
  if (snapshot.format !== 'mentoring-local-snapshot' || snapshot.version !== 1) {
    throw new Error(
      `The local data snapshot ${file} has an unknown format; delete it (npm run reset) to start afresh`,
    );
  }
  let documents = 0;
  for (const name of containerNames) {
    const docs = snapshot.containers[name] ?? [];
    const container = store.container(name);
    // A handful of writes in flight: the local server does ~1,500 upserts/s from one client.
    for (let i = 0; i < docs.length; i += 16) {
      await Promise.all(docs.slice(i, i + 16).map((doc) => container.items.upsert(doc)));
    }
    documents += docs.length;
  }
  return { documents, savedAt: snapshot.savedAt };
}

/** Delete the snapshot (npm run reset). */
export async function deleteSnapshot(file: string): Promise<void> {
  await rm(file, { force: true });
}

/**
 * Saves a snapshot shortly after writes stop (debounced), and once more on `flush()` at shutdown,
 * so an interrupted `npm start` loses at most the last fraction of a second.
 */
export class SnapshotWriter {
  private timer: NodeJS.Timeout | undefined;
  private dirty = false;
  private saving: Promise<void> = Promise.resolve();

  constructor(
    private readonly deps: {
      store: Store;
      file: string;
      now: () => Date;
      onError: (error: unknown) => void;
      debounceMs?: number;
    },
  ) {}

  /** Note that data changed; a save follows after the debounce delay. */
  markDirty(): void {
    this.dirty = true;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.flush(), this.deps.debounceMs ?? 300);
    this.timer.unref();
  }

  /** Save now if anything changed since the last save. */
  async flush(): Promise<void> {
    clearTimeout(this.timer);
    this.saving = this.saving.then(async () => {
      if (!this.dirty) return;
      this.dirty = false;
      try {
        await saveSnapshot(this.deps.store, this.deps.file, this.deps.now());
      } catch (error) {
        this.dirty = true;
        this.deps.onError(error);
      }
    });
    return this.saving;
  }
}
