import { spawn, type ChildProcess } from 'node:child_process';

/** The app running as its own process (`node --import tsx src/main.ts`), as `npm run dev` runs it. */
export type AppProcess = {
  readonly child: ChildProcess;
  /** Resolves with the app's URL once it listens; rejects if it exits first. */
  readonly url: Promise<string>;
  /** Resolves with the exit code (null when killed by a signal). */
  readonly exited: Promise<number | null>;
  /** Everything it printed so far, stdout and stderr. */
  output(): string;
};

/** Start the app in local mode in a child process; `env` adds to (and overrides) this process's. */
export function startAppProcess(env: Record<string, string>): AppProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    env: { ...process.env, PORT: '0', LOG_LEVEL: 'info', SCHEDULER: 'false', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => resolve(code)),
  );
  const url = new Promise<string>((resolve, reject) => {
    child.stdout!.on('data', () => {
      const m = /running on (http:\/\/[^\s]+) /.exec(output);
      if (m?.[1]) resolve(m[1]);
    });
    void exited.then((code) =>
      reject(new Error(`exited with ${code} before starting:\n${output}`)),
    );
  });
  url.catch(() => undefined); // awaited by the tests that expect a start
  return { child, url, exited, output: () => output };
}

/** Stop it as Ctrl-C does; resolves with the exit code. */
export async function interrupt(app: AppProcess): Promise<number | null> {
  if (app.child.exitCode === null && app.child.signalCode === null) app.child.kill('SIGINT');
  return app.exited;
}
