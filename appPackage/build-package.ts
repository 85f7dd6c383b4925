/**
 * `npm run package`: writes appPackage/build/appPackage.zip (upload it to Teams) and the filled
 * manifest beside it, from TEAMS_APP_ID, BOT_ID, AAD_APP_CLIENT_ID, TAB_DOMAIN (and optionally
 * TAB_ENDPOINT) in the environment. See docs/azure.md. The functions live in app-package.ts
 * (tested there); this file only writes their result.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AppPackageError, appPackageDir, buildAppPackage } from './app-package';

try {
  const built = await buildAppPackage(process.env);
  const out = join(appPackageDir, 'build');
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, 'appPackage.zip'), built.zip);
  for (const [name, bytes] of Object.entries(built.files)) {
    if (name.endsWith('.json')) writeFileSync(join(out, name), bytes);
  }
  console.log(
    `appPackage/build/appPackage.zip: ${Object.keys(built.files).join(', ')} (${built.zip.length} bytes)`,
  );
} catch (error) {
  if (!(error instanceof AppPackageError)) throw error;
  console.error(error.message);
  process.exitCode = 1;
}
