import { existsSync, readFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

// The first visit downloads the landing screen and everything it imports statically
// (`npm run bench:tab`, target ≤ 150 KiB gzip). The session gate brings the persona picker and its
// Fluent components (Avatar, SearchBox, MessageBar, Field): about 20 KiB gzip the landing screen does
// not need, since it answers anyone. The bench takes a build and a browser; this catches the import.

const tabSrc = fileURLToPath(new URL('../../../tab/src/', import.meta.url));

/** The tab's own modules `file` imports at run time (not `import type`, not `import()`). */
function runtimeImports(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest);
  const specifiers: string[] = [];
  for (const statement of source.statements) {
    if (ts.isImportDeclaration(statement) && !statement.importClause?.isTypeOnly) {
      specifiers.push((statement.moduleSpecifier as ts.StringLiteral).text);
    } else if (
      ts.isExportDeclaration(statement) &&
      statement.moduleSpecifier &&
      !statement.isTypeOnly
    ) {
      specifiers.push((statement.moduleSpecifier as ts.StringLiteral).text);
    }
  }
  return specifiers
    .filter((specifier) => specifier.startsWith('.'))
    .map((specifier) => {
      const base = resolve(dirname(file), specifier);
      const found = [`${base}.ts`, `${base}.tsx`, `${base}/index.ts`].find(existsSync);
      if (!found) throw new Error(`${file}: cannot resolve ${specifier}`);
      return found;
    });
}

function staticGraph(entry: string): Set<string> {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const imported of runtimeImports(file)) visit(imported);
  };
  visit(entry);
  return new Set([...seen].map((file) => relative(tabSrc, file)));
}

describe('what the landing screen downloads', () => {
  it('reaches neither the session gate nor the persona picker through static imports', () => {
    const graph = staticGraph(resolve(tabSrc, 'screens/home/HomeScreen.tsx'));
    expect(graph).toContain('components/OpenScreenFrame.tsx');
    expect(graph).not.toContain('auth/SessionProvider.tsx');
    expect(graph).not.toContain('auth/PersonaPicker.tsx');
  });

  it('still finds the gate behind the frame of the other screens', () => {
    const graph = staticGraph(resolve(tabSrc, 'screens/profile/ProfileScreen.tsx'));
    expect(graph).toContain('auth/SessionProvider.tsx');
    expect(graph).toContain('auth/PersonaPicker.tsx');
  });
});
