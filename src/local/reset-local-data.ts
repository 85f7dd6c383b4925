import { rm } from 'node:fs/promises';
import { loadConfig } from '../config';
import { localDataFiles } from './local-snapshot';

// `npm run reset`: forget what was written while trying the product; the next `npm start` seeds the demo data again.
const config = loadConfig(process.env);
if (config.cosmos.mode !== 'embedded') {
  console.error(
    'npm run reset only clears the local embedded store; COSMOS_ENDPOINT is set, so nothing was done.',
  );
  process.exit(1);
}
const files = localDataFiles(config.cosmos.dataDir);
for (const file of [files.snapshot, files.journal, files.compacting])
  await rm(file, { force: true });
console.log(
  `Local data reset: deleted the snapshot and journal in ${files.dir}. The next npm start loads the demo data afresh.`,
);
