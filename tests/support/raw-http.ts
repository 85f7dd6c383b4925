import { connect } from 'node:net';

/** What a server answered to a raw request, and how much of the body had been sent by then. */
export type RawAnswer = {
  status: number;
  head: string;
  body: string;
  bytesSentBeforeAnswer: number;
};

/**
 * Sends a request over a plain socket, its body written chunk by chunk, and stops writing as soon
 * as the server starts answering. `bodyBytes` is what the client means to send (Content-Length, or
 * chunked when `chunked`); the answer tells how much was actually sent before the server spoke.
 * A server that waits for the whole body never answers (the test times out).
 */
export function sendSlowly(
  baseUrl: string,
  request: {
    method?: string;
    path: string;
    headers?: Record<string, string>;
    bodyBytes: number;
    chunked?: boolean;
  },
): Promise<RawAnswer> {
  const url = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(url.port), url.hostname);
    let sent = 0;
    let answered = false;
    let sentAtAnswer = 0;
    let received = '';
    const chunk = Buffer.alloc(16 * 1024, 0x20);
    const headers: Record<string, string> = {
      host: url.host,
      ...(request.chunked
        ? { 'transfer-encoding': 'chunked' }
        : { 'content-length': String(request.bodyBytes) }),
      ...request.headers,
    };
    const writeMore = () => {
      while (!answered && sent < request.bodyBytes) {
        const piece = chunk.subarray(0, Math.min(chunk.length, request.bodyBytes - sent));
        sent += piece.length;
        const framed = request.chunked
          ? Buffer.concat([
              Buffer.from(`${piece.length.toString(16)}\r\n`),
              piece,
              Buffer.from('\r\n'),
            ])
          : piece;
        if (!socket.write(framed)) {
          socket.once('drain', writeMore);
          return;
        }
      }
    };
    socket.on('connect', () => {
      const head = [
        `${request.method ?? 'POST'} ${request.path} HTTP/1.1`,
        ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`),
        '',
        '',
      ].join('\r\n');
      socket.write(head);
      writeMore();
    });
    socket.on('data', (data) => {
      if (!answered) {
        answered = true;
        sentAtAnswer = sent;
      }
      received += data.toString('utf8');
      const end = received.indexOf('\r\n\r\n');
      if (end < 0) return;
      const head = received.slice(0, end);
      const length = /content-length:\s*(\d+)/i.exec(head)?.[1];
      let body: string | undefined = received.slice(end + 4);
      if (/transfer-encoding:\s*chunked/i.test(head)) {
        body = body.endsWith('0\r\n\r\n') ? dechunk(body) : undefined;
      } else if (length === undefined || Buffer.byteLength(body) < Number(length)) {
        body = undefined;
      }
      if (body !== undefined) {
        socket.destroy();
        resolve({
          status: Number(head.split(' ')[1]),
          head,
          body,
          bytesSentBeforeAnswer: sentAtAnswer,
        });
      }
    });
    socket.on('error', (error) => {
      if (!answered) reject(error);
    });
  });
}

function dechunk(text: string): string {
  let out = '';
  let rest = text;
  for (;;) {
    const line = rest.indexOf('\r\n');
    const size = parseInt(rest.slice(0, line), 16);
    if (!size) return out;
    out += rest.slice(line + 2, line + 2 + size);
    rest = rest.slice(line + 2 + size + 2);
  }
}
