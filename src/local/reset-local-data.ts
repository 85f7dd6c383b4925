import { rm } from 'node:fs/promises';
import { loadConfig } from '../config';
import { localDataFiles, lockHolder } from './local-snapshot';

// `npm run reset`: forget what was written while trying the product; the next `npm start` seeds the demo data again.
const config = loadConfig(process.env);
if (config.cosmos.mode !== 'embedded') {
  console.error(
    'npm run reset only clears the local embedded store; COSMOS_ENDPOINT is set, so nothing was done.',
  );
  process.exit(1);
}
const files = localDataFiles(config.cosmos.dataDir);
const holder = await lockHolder(files);
if (holder !== undefined) {
  console.error(
    `Mentoring is running on ${files.dir} (pid ${holder}): stop it first, then run npm run reset again.`,
  );
  process.exit(1);
}
for (const file of [files.snapshot, files.journal, files.compacting, files.lock])
  await rm(file, { force: true });
console.log(
  `Local data reset: deleted the snapshot and journal in ${files.dir}. The next npm start loads the demo data afresh.`,
);
