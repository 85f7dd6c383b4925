/**
 * A local data file (snapshot or journal) that cannot be used: the start stops with a message that
 * names the file, what is wrong with it and how to recover, instead of a raw JavaScript error.
 */
export class LocalDataError extends Error {
  constructor(
    readonly file: string,
    readonly problem: string,
    readonly recovery: string,
    cause?: unknown,
  ) {
    super(`The local data file ${file} ${problem}.\n${recovery}`, cause ? { cause } : undefined);
    this.name = 'LocalDataError';
  }
}
