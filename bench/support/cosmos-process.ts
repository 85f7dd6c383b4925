import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';

/**
 * @vercel/cosmosdb-server (with keep-alive, TESTBED.md) in a child process on loopback, as Cosmos
 * is in production: a server sharing the bench's event loop would delay its sends.
 */
export async function startCosmosProcess() {
  const code = [
    "import { createHttpsServer } from '@vercel/cosmosdb-server';",
    'const server = createHttpsServer({ keepAlive: true });',
    // Node closes idle keep-alive sockets silently otherwise; a write sent then fails (embedded-cosmos.ts).
    'server.keepAliveTimeout = 0;',
    "server.listen(0, '127.0.0.1', () => console.log(server.address().port));",
  ].join('\n');
  const child = spawn(process.execPath, ['--input-type=module', '-e', code], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const port = await new Promise<number>((resolve, reject) => {
    createInterface({ input: child.stdout }).once('line', (line) => resolve(Number(line)));
    child.once('exit', (exitCode) => reject(new Error(`cosmos server exited with ${exitCode}`)));
  });
  return { endpoint: `https://127.0.0.1:${port}/`, child };
}
