/** One record of a CSV text: where it starts and ends in the text, and its first line (1-based). */
export type CsvRecord = { line: number; start: number; end: number };

/**
 * Splits a CSV text into records without parsing fields: a line break inside double quotes belongs
 * to the field (RFC 4180), so a record may span several lines. Used to keep only some rows of a
 * file the lead chose to import partly; the server still parses and checks what is sent.
 */
export function csvRecords(text: string): CsvRecord[] {
  const records: CsvRecord[] = [];
  let quoted = false;
  let line = 1;
  let start = 0;
  let startLine = 1;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') quoted = !quoted;
    else if (c === '\n') {
      line++;
      if (!quoted) {
        records.push({ line: startLine, start, end: i + 1 });
        start = i + 1;
        startLine = line;
      }
    }
  }
  if (start < text.length) records.push({ line: startLine, start, end: text.length });
  return records;
}

/** The same text without the records starting on `lines` (the header, line 1, is always kept). */
export function withoutLines(text: string, lines: ReadonlySet<number>): string {
  return csvRecords(text)
    .filter((record) => record.line === 1 || !lines.has(record.line))
    .map((record) => text.slice(record.start, record.end))
    .join('');
}
