/**
 * Reads literal values (objects, arrays, strings, numbers, booleans, null) out of Bicep source,
 * so tests can compare infra/ with the code without the bicep CLI (not installed here).
 * Anything that is not a literal (an expression, an interpolated string) is refused, not guessed.
 */

type Token =
  | { kind: 'punct'; value: '{' | '}' | '[' | ']' | ':' | ',' }
  | { kind: 'newline' }
  | { kind: 'string'; value: string }
  | { kind: 'word'; value: string };

function tokenize(src: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const ch = src[i] as string;
    if (ch === '\n') {
      tokens.push({ kind: 'newline' });
      i++;
    } else if (/\s/.test(ch)) {
      i++;
    } else if (src.startsWith('//', i)) {
      while (i < src.length && src[i] !== '\n') i++;
    } else if (src.startsWith('/*', i)) {
      const end = src.indexOf('*/', i + 2);
      if (end < 0) throw new Error('Unterminated comment');
      i = end + 2;
    } else if ('{}[]:,'.includes(ch)) {
      tokens.push({ kind: 'punct', value: ch as '{' });
      i++;
    } else if (ch === "'") {
      let value = '';
      i++;
      for (;;) {
        const c = src[i];
        if (c === undefined) throw new Error('Unterminated string');
        if (c === "'") break;
        if (c === '$' && src[i + 1] === '{')
          throw new Error(`Interpolated string at ${i}: not a literal`);
        if (c === '\\') {
          const e = src[i + 1];
          const escapes: Record<string, string> = {
            n: '\n',
            r: '\r',
            t: '\t',
            '\\': '\\',
            "'": "'",
            $: '$',
          };
          if (e === undefined || escapes[e] === undefined) throw new Error(`Unknown escape \\${e}`);
          value += escapes[e];
          i += 2;
          continue;
        }
        value += c;
        i++;
      }
      i++;
      tokens.push({ kind: 'string', value });
    } else {
      const m = /^[A-Za-z0-9_.-]+/.exec(src.slice(i));
      if (!m) throw new Error(`Unexpected character ${JSON.stringify(ch)} at ${i}`);
      tokens.push({ kind: 'word', value: m[0] });
      i += m[0].length;
    }
  }
  return tokens;
}

/** Parses one Bicep literal (multi-line or comma-separated objects and arrays). */
export function parseBicepLiteral(src: string): unknown {
  const tokens = tokenize(src);
  let at = 0;
  const skipSeparators = () => {
    while (
      tokens[at]?.kind === 'newline' ||
      (tokens[at]?.kind === 'punct' && (tokens[at] as { value: string }).value === ',')
    )
      at++;
  };
  const expect = (value: string) => {
    const t = tokens[at];
    if (t?.kind !== 'punct' || t.value !== value)
      throw new Error(`Expected ${value} at token ${at}`);
    at++;
  };
  const isPunct = (value: string) => {
    const t = tokens[at];
    return t?.kind === 'punct' && t.value === value;
  };
  const value = (): unknown => {
    while (tokens[at]?.kind === 'newline') at++;
    const t = tokens[at];
    if (!t) throw new Error('Unexpected end of input');
    if (t.kind === 'string') {
      at++;
      return t.value;
    }
    if (t.kind === 'word') {
      at++;
      if (t.value === 'true') return true;
      if (t.value === 'false') return false;
      if (t.value === 'null') return null;
      if (/^-?\d+$/.test(t.value)) return Number(t.value);
      throw new Error(`${t.value} is an expression, not a literal`);
    }
    if (isPunct('[')) {
      at++;
      const items: unknown[] = [];
      skipSeparators();
      while (!isPunct(']')) {
        items.push(value());
        skipSeparators();
      }
      expect(']');
      return items;
    }
    if (isPunct('{')) {
      at++;
      const object: Record<string, unknown> = {};
      skipSeparators();
      while (!isPunct('}')) {
        const key = tokens[at];
        if (key?.kind !== 'word' && key?.kind !== 'string')
          throw new Error(`Expected a key at token ${at}`);
        at++;
        expect(':');
        object[key.value] = value();
        skipSeparators();
      }
      expect('}');
      return object;
    }
    throw new Error(`Unexpected token ${JSON.stringify(t)}`);
  };
  const result = value();
  while (tokens[at]?.kind === 'newline') at++;
  if (at !== tokens.length) throw new Error(`Unexpected content after the literal at token ${at}`);
  return result;
}

/** The literal assigned to `var <name> = ...` in a Bicep file. */
export function bicepVariable(source: string, name: string): unknown {
  const start = new RegExp(`^var ${name} = `, 'm').exec(source);
  if (!start) throw new Error(`No "var ${name} =" in the Bicep source`);
  let i = start.index + start[0].length;
  const open = source[i];
  if (open !== '[' && open !== '{')
    throw new Error(`var ${name} is not an object or array literal`);
  const close = open === '[' ? ']' : '}';
  let depth = 0;
  let inString = false;
  const begin = i;
  for (; i < source.length; i++) {
    const c = source[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === "'") inString = false;
    } else if (c === "'") inString = true;
    else if (c === '/' && source[i + 1] === '/') i = source.indexOf('\n', i) - 1;
    else if (c === open) depth++;
    else if (c === close && --depth === 0) return parseBicepLiteral(source.slice(begin, i + 1));
  }
  throw new Error(`var ${name} is not closed`);
}

/** Names of `param`s, with whether each has a default value. */
export function bicepParams(source: string): Map<string, { hasDefault: boolean }> {
  const params = new Map<string, { hasDefault: boolean }>();
  for (const m of source.matchAll(/^param (\w+) [\w.]+( = .*)?$/gm)) {
    params.set(m[1] as string, { hasDefault: m[2] !== undefined });
  }
  return params;
}

/** Names of `output`s. */
export function bicepOutputs(source: string): string[] {
  return [...source.matchAll(/^output (\w+) /gm)].map((m) => m[1] as string);
}
