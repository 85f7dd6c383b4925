import https from 'node:https';
import { startEmbeddedCosmos, type EmbeddedCosmos } from '../../../src/local/embedded-cosmos';

/**
 * "socket hang up" on writes: Node's HTTP server closes an idle keep-alive connection after 5 s
 * (+1 s grace) without telling the client, so a write sent on it at that moment is reset, and
 * @azure/cosmos does not retry writes. The embedded server keeps idle connections open instead.
 */
describe('the embedded Cosmos server’s keep-alive connections', () => {
  let server: EmbeddedCosmos;
  let agent: https.Agent;
  beforeAll(async () => {
    server = await startEmbeddedCosmos(0);
    // The same agent as src/store/cosmos-client.ts builds for a loopback endpoint.
    agent = new https.Agent({ rejectUnauthorized: false, keepAlive: true, maxSockets: 16 });
  });
  afterAll(async () => {
    agent.destroy();
    await server.close();
  });

  const get = () =>
    new Promise<{ status: number; reused: boolean; closed: () => boolean }>((resolve, reject) => {
      let closed = false;
      const req = https.request(
        server.endpoint,
        { agent, headers: { authorization: 'local', 'x-ms-date': new Date().toUTCString() } },
        (res) => {
          res.resume();
          res.on('end', () =>
            resolve({
              status: res.statusCode ?? 0,
              reused: req.reusedSocket,
              closed: () => closed,
            }),
          );
        },
      );
      req.on('socket', (socket) => socket.once('close', () => (closed = true)));
      req.on('error', reject);
      req.end();
    });

  it('stay open past Node’s 6 s idle close, so the next request reuses the connection', async () => {
    const first = await get();
    expect(first.status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 6_500));
    expect(first.closed()).toBe(false);
    const second = await get();
    expect(second).toMatchObject({ status: 200, reused: true });
  }, 15_000);
});
