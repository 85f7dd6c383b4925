import { open, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import type { ItemDefinition } from '@azure/cosmos';
import { containerNames, containers, type ContainerName } from '../store/containers';
import type { Store } from '../store/database';
import type { StoreWrite } from './embedded-cosmos';
import { LocalDataError } from './local-data-error';
import { syncDirectory } from './local-journal';

/**
 * The embedded Cosmos server keeps everything in memory: `npm start` keeps every container in a
 * JSON snapshot, the writes since then in a journal (local-journal.ts), and at the next start loads
 * the snapshot and replays the journal over it. Local mode only; Azure Cosmos DB needs none of this.
 */

/** The files of the local data folder. */
export type LocalDataFiles = {
  readonly dir: string;
  readonly snapshot: string;
  /** Writes since the snapshot, one JSON line each. */
  readonly journal: string;
  /** The journal being folded into a new snapshot (present only if that was interrupted). */
  readonly compacting: string;
  /** The process id of the app using the folder: two at once would overwrite each other's data. */
  readonly lock: string;
};

/** Where local mode keeps its data under `dataDir` (npm run reset deletes these). */
export function localDataFiles(dataDir: string): LocalDataFiles {
  const dir = resolve(dataDir);
  return {
    dir,
    snapshot: join(dir, 'cosmos-snapshot.json'),
    journal: join(dir, 'cosmos-journal.ndjson'),
    compacting: join(dir, 'cosmos-journal.compacting.ndjson'),
    lock: join(dir, 'cosmos.lock'),
  };
}

/**
 * Claim the data folder for this process (cosmos.lock holds its pid); a lock left by a process
 * that is gone (kill -9) is taken over. Returns how to release it.
 */
export async function lockDataFolder(files: LocalDataFiles): Promise<() => Promise<void>> {
  for (let attempt = 0; ; attempt++) {
    try {
      await writeFile(files.lock, `${process.pid}\n`, { flag: 'wx' });
      lockedHere.add(files.lock);
      return async () => {
        lockedHere.delete(files.lock);
        await rm(files.lock, { force: true });
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const holder = await lockHolder(files);
    if (holder !== undefined || attempt > 0) {
      throw new LocalDataError(
        files.lock,
        `says the folder is in use by another running Mentoring process (pid ${holder ?? 'unknown'})`,
        `Two apps on one folder would overwrite each other's data: stop that one first, or give this one its own LOCAL_DATA_DIR. If no such process runs, delete ${files.lock}.`,
      );
    }
    if (lockedHere.has(files.lock)) {
      throw new LocalDataError(
        files.lock,
        `says the folder is already in use by this process (pid ${process.pid})`,
        'Close the first store before opening another on the same folder.',
      );
    }
    await rm(files.lock, { force: true }); // left by a process that died
  }
}

/** Data folders this process holds. */
const lockedHere = new Set<string>();

/**
 * The pid of another live process holding the data folder, if any. Our own pid in the file is a
 * previous run's: a container restarted after kill -9 often gives the app the same pid again.
 */
export async function lockHolder(files: LocalDataFiles): Promise<number | undefined> {
  const pid = Number((await readFile(files.lock, 'utf8').catch(() => '')).trim());
  if (!Number.isInteger(pid) || pid <= 0 || pid === process.pid) return undefined;
  try {
    process.kill(pid, 0); // signal 0: only asks whether the process exists
    return pid;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM' ? pid : undefined;
  }
}

/** cosmos-snapshot.json. */
type SnapshotFile = {
  readonly format: 'mentoring-local-snapshot';
  readonly version: 1;
  readonly savedAt: string;
  readonly containers: Partial<Record<ContainerName, ItemDefinition[]>>;
};

/** Every container's documents, without Cosmos metadata. */
export type ContainerDocuments = Record<ContainerName, ItemDefinition[]>;

const metadata = ['_rid', '_self', '_etag', '_attachments', '_ts'];

/** Every document of every container, each container read in one page (a consistent view of it). */
export async function readAllDocuments(store: Store): Promise<ContainerDocuments> {
  const all = {} as ContainerDocuments;
  for (const name of containerNames) {
    // One page: pages are cut by position, and a write between two pages could shift a document
    // past the cut, leaving it out of the snapshot.
    const { resources } = await store
      .container(name)
      .items.query<ItemDefinition>('SELECT * FROM c', { maxItemCount: -1 })
      .fetchAll();
    all[name] = resources.map((r) => {
      const copy: ItemDefinition = { ...r };
      for (const key of metadata) delete copy[key];
      return copy;
    });
  }
  return all;
}

/** Write `documents` to `file` durably: a temporary file, fsync, rename over `file`, fsync the folder. */
export async function writeSnapshot(
  file: string,
  documents: ContainerDocuments,
  savedAt: Date,
): Promise<number> {
  const snapshot: SnapshotFile = {
    format: 'mentoring-local-snapshot',
    version: 1,
    savedAt: savedAt.toISOString(),
    containers: documents,
  };
  const temp = `${file}.${process.pid}.tmp`;
  try {
    const handle = await open(temp, 'w');
    try {
      await handle.writeFile(JSON.stringify(snapshot));
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, file);
  } catch (error) {
    await rm(temp, { force: true }).catch(() => undefined);
    throw error;
  }
  syncDirectory(dirname(file));
  return Object.values(documents).reduce((n, docs) => n + docs.length, 0);
}

/** Write every document of every container to `file`, atomically. */
export async function saveSnapshot(store: Store, file: string, savedAt: Date): Promise<number> {
  return writeSnapshot(file, await readAllDocuments(store), savedAt);
}

/** The data of the last snapshot, or undefined when there is none. */
export type LoadedSnapshot = { readonly savedAt: string; readonly documents: ContainerDocuments };

/** Read and check `file`; a file that cannot be used stops the start with `recovery` as advice. */
export async function readSnapshot(
  file: string,
  recovery: string,
): Promise<LoadedSnapshot | undefined> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new LocalDataError(file, `cannot be read (${String(error)})`, recovery, error);
  }
  let snapshot: SnapshotFile;
  try {
    snapshot = JSON.parse(text) as SnapshotFile;
  } catch (error) {
    throw new LocalDataError(file, 'is not valid JSON (cut short or damaged)', recovery, error);
  }
  if (
    typeof snapshot !== 'object' ||
    snapshot === null ||
    snapshot.format !== 'mentoring-local-snapshot' ||
    snapshot.version !== 1 ||
    typeof snapshot.containers !== 'object' ||
    snapshot.containers === null
  ) {
    throw new LocalDataError(file, 'is not a Mentoring local snapshot (version 1)', recovery);
  }
  const documents = emptyDocuments();
  for (const [name, docs] of Object.entries(snapshot.containers)) {
    if (!isContainerName(name)) {
      throw new LocalDataError(
        file,
        `holds a container "${name}" that this version of the app does not have`,
        recovery,
      );
    }
    if (!Array.isArray(docs) || docs.some((d) => !isDocument(d))) {
      throw new LocalDataError(
        file,
        `has a "${name}" container that is not a list of documents with an id`,
        recovery,
      );
    }
    documents[name] = docs;
  }
  return { savedAt: String(snapshot.savedAt), documents };
}

/** Apply journaled writes, in order, over `documents` (last write of a document wins). */
export function applyWrites(
  documents: ContainerDocuments,
  writes: readonly StoreWrite[],
  source: { file: string; recovery: string },
): ContainerDocuments {
  const byKey = new Map<ContainerName, Map<string, ItemDefinition>>();
  for (const name of containerNames) {
    byKey.set(name, new Map(documents[name].map((doc) => [keyOf(name, doc), doc])));
  }
  for (const write of writes) {
    const name = write.container;
    if (!isContainerName(name)) {
      throw new LocalDataError(
        source.file,
        `has a write to a container "${name}" that this version of the app does not have`,
        source.recovery,
      );
    }
    const docs = byKey.get(name)!;
    if (write.op === 'delete')
      docs.delete(JSON.stringify([write.partitionKey ?? write.id, write.id]));
    else docs.set(keyOf(name, write.doc), write.doc);
  }
  const merged = emptyDocuments();
  for (const name of containerNames) merged[name] = [...byKey.get(name)!.values()];
  return merged;
}

/** Load `documents` into the (empty) store; returns how many. */
export async function loadDocuments(store: Store, documents: ContainerDocuments): Promise<number> {
  let count = 0;
  for (const name of containerNames) {
    const docs = documents[name];
    const container = store.container(name);
    // A handful of writes in flight: the local server does ~1,500 upserts/s from one client.
    for (let i = 0; i < docs.length; i += 16) {
      await Promise.all(docs.slice(i, i + 16).map((doc) => container.items.upsert(doc)));
    }
    count += docs.length;
  }
  return count;
}

/** No documents in any container. */
export function emptyDocuments(): ContainerDocuments {
  return Object.fromEntries(containerNames.map((n) => [n, []])) as unknown as ContainerDocuments;
}

/** A document's identity in its container: its partition key value (as the server reads it) and id. */
function keyOf(name: ContainerName, doc: ItemDefinition): string {
  const path = (containers[name].partitionKey.paths[0] ?? '/id').slice(1).split('/');
  let value: unknown = doc;
  for (const part of path) value = (value as Record<string, unknown> | undefined)?.[part];
  const partition =
    value === undefined || value === null || value === '' ? undefined : String(value as string);
  return JSON.stringify([partition ?? doc.id, doc.id]);
}

function isContainerName(name: string): name is ContainerName {
  return (containerNames as readonly string[]).includes(name);
}

function isDocument(value: unknown): value is ItemDefinition {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { id?: unknown }).id === 'string'
  );
}
