/**
 * Shared with the tab (import-free, like french.ts): a chosen file is read the same way in the
 * browser and on the server.
 */

/** The encodings a text file people upload (a CSV from Excel) is read in. */
export type TextFileEncoding = 'utf-8' | 'windows-1252';

/**
 * A text file's content: UTF-8 when its bytes are valid UTF-8 (a BOM is dropped), else
 * Windows-1252, what French Excel writes for "CSV (séparateur : point-virgule)". Any byte sequence
 * is valid Windows-1252, so a file is never refused here; what is not UTF-8 is read as Excel wrote it.
 */
export function decodeTextFile(bytes: Uint8Array): { text: string; encoding: TextFileEncoding } {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: decodeWindows1252(bytes), encoding: 'windows-1252' };
  }
}

/**
 * Windows-1252 differs from Latin-1 in 0x80–0x9F (€, ’, œ, …). Decoded by hand: Node 20's
 * TextDecoder('windows-1252') reads those bytes as Latin-1 control characters.
 */
const from0x80 =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

function decodeWindows1252(bytes: Uint8Array): string {
  const parts: string[] = [];
  for (let i = 0; i < bytes.length; i += 8192) {
    const codes = Array.from(bytes.subarray(i, i + 8192), (b) =>
      b >= 0x80 && b <= 0x9f ? from0x80.charCodeAt(b - 0x80) : b,
    );
    parts.push(String.fromCharCode(...codes));
  }
  return parts.join('');
}

/** U+FFFD: what a UTF-8 decoder put where it met bytes that were not UTF-8. */
export const replacementCharacter = '\uFFFD';
