import type { ItemDefinition } from '@azure/cosmos';
import { containerNames } from '../store/containers';
import { CosmosRepository } from '../store/cosmos-repository';
import type { Repositories } from '../store/repositories';
import type { ContainerDocuments } from './local-snapshot';

/** How many ids a report line names. */
const firstIds = 3;

/** A schema check of one container: what its repositories accept. */
type Check = (doc: ItemDefinition) => string[];

/**
 * The schemas each container's documents must match, taken from the repositories that read them
 * (several share a container, e.g. jobs: a document matches when one of them accepts it), so a
 * repository added later is checked without touching this file.
 */
export function schemaChecks(repos: Repositories): Map<string, Check[]> {
  const checks = new Map<string, Check[]>();
  for (const repo of Object.values(repos) as unknown[]) {
    if (!(repo instanceof CosmosRepository)) continue;
    const list = checks.get(repo.containerId) ?? [];
    list.push((doc) => repo.problemsWith(doc));
    checks.set(repo.containerId, list);
  }
  return checks;
}

/**
 * One line per container holding documents that no repository of that container accepts: how
 * many, and the first ids with the first problem of each. Empty when everything matches.
 */
export function checkStoredDocuments(
  documents: ContainerDocuments,
  checks: ReadonlyMap<string, readonly Check[]>,
): string[] {
  const lines: string[] = [];
  for (const name of containerNames) {
    const containerChecks = checks.get(name);
    const docs = documents[name];
    if (!containerChecks?.length || docs.length === 0) continue;
    const bad: Array<{ id: string; problem: string }> = [];
    for (const doc of docs) {
      let fewest: string[] | undefined;
      for (const check of containerChecks) {
        const problems = check(doc);
        if (!fewest || problems.length < fewest.length) fewest = problems;
        if (problems.length === 0) break;
      }
      if (fewest && fewest.length > 0) bad.push({ id: String(doc.id), problem: fewest[0]! });
    }
    if (bad.length === 0) continue;
    const named = bad
      .slice(0, firstIds)
      .map((b) => `${b.id} (${b.problem})`)
      .join('; ');
    lines.push(
      `${name}: ${bad.length} of ${docs.length} documents do not match their schema, first ${named}`,
    );
  }
  return lines;
}
