import { join, resolve } from 'node:path';
import { loadConfig } from '../config';
import { deleteSnapshot } from './local-snapshot';

// `npm run reset`: forget what was written while trying the product; the next `npm start` seeds the demo data again.
const config = loadConfig(process.env);
if (config.cosmos.mode !== 'embedded') {
  console.error(
    'npm run reset only clears the local embedded store; COSMOS_ENDPOINT is set, so nothing was done.',
  );
  process.exit(1);
}
const file = resolve(join(config.cosmos.dataDir, 'cosmos-snapshot.json'));
await deleteSnapshot(file);
console.log(`Local data reset: deleted ${file}. The next npm start loads the demo data afresh.`);
