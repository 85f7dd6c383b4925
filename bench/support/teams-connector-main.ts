/** Child-process entry of the loopback connector: prints its URL, serves /_stats and /_count. */
import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startTeamsConnector, type TeamsConnectorOptions } from './teams-connector';

const options = JSON.parse(process.argv[2] ?? '{}') as TeamsConnectorOptions;
const connector = await startTeamsConnector(options);

// Stats on a second port so that they never count against the limits.
const stats = createServer((req, res) => {
  res.setHeader('content-type', 'application/json');
  if (req.url === '/_count') {
    res.end(JSON.stringify({ count: connector.received.length }));
    return;
  }
  res.end(
    JSON.stringify({
      throttled: connector.throttled(),
      throttledByTenant: connector.throttledByTenant(),
      received: connector.received.map((r) => ({
        conversationId: r.conversationId,
        tenantId: r.tenantId,
        at: r.at,
        key: createHash('sha1')
          .update(JSON.stringify(r.activity.attachments ?? r.activity.text))
          .digest('hex'),
      })),
    }),
  );
});
await new Promise<void>((resolve) => stats.listen(0, '127.0.0.1', resolve));
const statsPort = (stats.address() as AddressInfo).port;
// First line: where to send activities, and where to read what arrived.
process.stdout.write(
  `${JSON.stringify({ url: connector.url, stats: `http://127.0.0.1:${statsPort}/` })}\n`,
);
process.on('SIGTERM', () => {
  void connector.close().then(() => stats.close(() => process.exit(0)));
});
