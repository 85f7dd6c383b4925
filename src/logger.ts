import { AsyncLocalStorage } from 'node:async_hooks';
import pino, { type DestinationStream } from 'pino';

/** The one logger shape of the app: services, loops, the bot and the HTTP edge all take it. */
export type Logger = {
  debug(message: string): void;
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, error?: unknown): void;
  error(message: string, error?: unknown): void;
};

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

/** What is known about the request being served; every line logged meanwhile carries it. */
export type RequestContext = { readonly requestId: string };

const requests = new AsyncLocalStorage<RequestContext>();

/** Runs `work` as part of the request `context` (src/api/http-app.ts does it for every request). */
export function withRequestContext<T>(context: RequestContext, work: () => T): T {
  return requests.run(context, work);
}

export type LoggerOptions = {
  /**
   * `json` (default): one JSON object a line (level, time, msg, requestId), for App Service and
   * Log Analytics. `text`: readable lines for a terminal in local mode.
   */
  format?: 'json' | 'text';
  /** Where lines go (default stdout); tests pass a stream. */
  destination?: DestinationStream;
};

// Control characters (newlines included) in a logged value would forge or break lines.
// eslint-disable-next-line no-control-regex
const controlCharacters = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;
const escapeControls = (text: string) =>
  text.replace(controlCharacters, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

/** A logger at `level`: JSON lines through pino, or escaped text lines for a terminal. */
export function createLogger(level: LogLevel, options: LoggerOptions = {}): Logger {
  const format = options.format ?? 'json';
  const base = pino(
    {
      level,
      base: undefined,
      messageKey: 'msg',
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      mixin: () => {
        const request = requests.getStore();
        return request ? { requestId: request.requestId } : {};
      },
    },
    format === 'text'
      ? textDestination(options.destination ?? pino.destination({ dest: 1, sync: true }))
      : (options.destination ?? pino.destination({ dest: 1, sync: false })),
  );
  const withError = (error: unknown) =>
    error === undefined ? {} : { err: error instanceof Error ? error : { message: String(error) } };
  return {
    debug: (message) => base.debug(message),
    info: (message, fields) => base.info(fields ?? {}, message),
    warn: (message, error) => base.warn(withError(error), message),
    error: (message, error) => base.error(withError(error), message),
  };
}

/** Turns pino's JSON lines into `[level] message key=value` lines, control characters escaped. */
function textDestination(out: DestinationStream): DestinationStream {
  return {
    write(line: string) {
      const entry = JSON.parse(line) as Record<string, unknown>;
      const { level, time: _time, msg, err, requestId, ...fields } = entry;
      const parts = [level === 'info' ? '' : `[${String(level)}] `, String(msg ?? '')];
      if (requestId) parts.push(` (request ${String(requestId)})`);
      for (const [key, value] of Object.entries(fields))
        parts.push(` ${key}=${JSON.stringify(value)}`);
      let text = escapeControls(parts.join(''));
      if (err && typeof err === 'object') {
        const e = err as { stack?: string; message?: string };
        // A stack's own lines stay lines, indented under the message; nothing in them starts a line.
        text += ` — ${(e.stack ?? e.message ?? '').split('\n').map(escapeControls).join('\n    ')}`;
      }
      out.write(`${text}\n`);
    },
  };
}
