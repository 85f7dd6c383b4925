/** A small leveled logger writing one line per event to stderr/stdout. */
export type Logger = {
  debug(message: string): void;
  info(message: string): void;
  warn(message: string, error?: unknown): void;
  error(message: string, error?: unknown): void;
};

const order = { debug: 0, info: 1, warn: 2, error: 3 } as const;

/** A logger that drops messages below `level`. */
export function createLogger(level: keyof typeof order): Logger {
  const on = (l: keyof typeof order) => order[l] >= order[level];
  const detail = (error: unknown) =>
    error === undefined
      ? ''
      : ` — ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`;
  return {
    debug: (m) => on('debug') && console.log(`[debug] ${m}`),
    info: (m) => on('info') && console.log(m),
    warn: (m, e) => on('warn') && console.warn(`[warn] ${m}${detail(e)}`),
    error: (m, e) => on('error') && console.error(`[error] ${m}${detail(e)}`),
  } as Logger;
}
