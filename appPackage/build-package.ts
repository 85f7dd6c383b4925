/**
 * `npm run package [-- --env <name>]`: writes appPackage/build/appPackage.zip (upload it to Teams)
 * and the filled manifest beside it. The placeholders (TEAMS_APP_ID, BOT_ID, AAD_APP_CLIENT_ID,
 * TAB_DOMAIN, optionally TAB_ENDPOINT) come from env/.env.<name> (then env/.env.<name>.user), the
 * environment being chosen by --env, else the ENV variable, else dev; a variable set in the process
 * environment wins over the files. See docs/deploy.md. The functions live in app-package.ts
 * (tested there); this file only writes their result.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  AppPackageError,
  appPackageDir,
  buildAppPackageForEnv,
  packageEnvName,
} from './app-package';

try {
  const name = packageEnvName(process.argv.slice(2), process.env);
  const built = await buildAppPackageForEnv(name, process.env);
  const out = join(appPackageDir, 'build');
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, 'appPackage.zip'), built.zip);
  for (const [file, bytes] of Object.entries(built.files)) {
    if (file.endsWith('.json')) writeFileSync(join(out, file), bytes);
  }
  console.log(
    `appPackage/build/appPackage.zip for environment ${name} (${built.env.files.join(', ')}, ` +
      `then the process environment): ${Object.keys(built.files).join(', ')} (${built.zip.length} bytes)`,
  );
} catch (error) {
  if (!(error instanceof AppPackageError)) throw error;
  console.error(error.message);
  process.exitCode = 1;
}
