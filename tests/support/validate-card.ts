import { createRequire } from 'node:module';
import type * as AdaptiveCards from 'adaptivecards';

// The package's ESM entry does not load in Node (extension-less imports); its UMD build does.
const require = createRequire(import.meta.url);
const AC = require('adaptivecards/dist/adaptivecards.min.js') as typeof AdaptiveCards;

/**
 * Every problem the official Adaptive Cards SDK (3.0.6) finds parsing `card` against schema 1.5,
 * plus what it does not check itself (TESTBED.md): a missing `type` anywhere, a missing or newer
 * `version`, and template bindings left unexpanded.
 */
export function cardProblems(card: unknown): string[] {
  const problems: string[] = [];
  if (typeof card !== 'object' || card === null) return ['the card is not an object'];
  const root = card as Record<string, unknown>;
  if (root.type !== 'AdaptiveCard') problems.push(`root type is ${String(root.type)}`);
  if (typeof root.version !== 'string') problems.push('version is missing');
  else if (!/^1\.[0-5]$/.test(root.version)) problems.push(`version ${root.version} is above 1.5`);
  walk(root, '$', problems);

  const context = new AC.SerializationContext(AC.Versions.v1_5);
  const parsed = new AC.AdaptiveCard();
  parsed.parse(root, context);
  for (let i = 0; i < context.eventCount; i++) {
    const event = context.getEventAt(i);
    problems.push(`parse: ${AC.ValidationEvent[event.event]}: ${event.message}`);
  }
  for (const event of parsed.validateProperties().validationEvents) {
    problems.push(`validate: ${AC.ValidationEvent[event.event]}: ${event.message}`);
  }
  return problems;
}

const typed = new Set([
  'body',
  'actions',
  'items',
  'columns',
  'card',
  'inlineAction',
  'selectAction',
]);

function walk(node: unknown, path: string, problems: string[]): void {
  if (typeof node === 'string') {
    if (node.includes('${')) problems.push(`${path}: unexpanded binding ${node}`);
    return;
  }
  if (Array.isArray(node)) {
    node.forEach((child, i) => walk(child, `${path}[${i}]`, problems));
    return;
  }
  if (typeof node !== 'object' || node === null) return;
  for (const [key, child] of Object.entries(node)) {
    if (key === '$when' || key === '$data') problems.push(`${path}.${key}: template keyword left`);
    if (typed.has(key)) {
      const children = Array.isArray(child) ? child : [child];
      children.forEach((c, i) => {
        if (
          typeof c === 'object' &&
          c !== null &&
          typeof (c as { type?: unknown }).type !== 'string'
        ) {
          problems.push(`${path}.${key}[${i}]: element without a type`);
        }
      });
    }
    walk(child, `${path}.${key}`, problems);
  }
}
