#!/usr/bin/env node
// `npm run test:any-date`: the unit and integration projects with the wall clock moved, through
// libfaketime (Debian package `faketime`), to dates that break code which reads the real date:
// a Saturday, the nights European clocks change (last Sunday of March and October, 01:30 UTC)
// and 29 February of a leap year. A test that passes today and fails on one of these depends on
// the wall clock instead of the clock it was given.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const dates = [
  ['a Saturday', '2027-01-09T10:00:00Z'],
  ['clocks go forward in Europe', '2027-03-28T01:30:00Z'],
  ['clocks go back in Europe', '2027-10-31T01:30:00Z'],
  ['29 February', '2028-02-29T12:00:00Z'],
];

const candidates = [
  process.env.FAKETIME_LIB,
  '/usr/lib/x86_64-linux-gnu/faketime/libfaketimeMT.so.1',
  '/usr/lib/aarch64-linux-gnu/faketime/libfaketimeMT.so.1',
  '/usr/lib/faketime/libfaketimeMT.so.1',
].filter(Boolean);
const library = candidates.find((path) => existsSync(path));
if (!library) {
  console.error(
    'test:any-date needs libfaketime: install the Debian package "faketime" (apt-get install faketime),\n' +
      'or set FAKETIME_LIB to the path of libfaketimeMT.so.1.',
  );
  process.exit(2);
}

const only = process.argv.slice(2); // extra arguments go to vitest (a file filter, say)
const failed = [];
for (const [label, iso] of dates) {
  const at = new Date(iso);
  // libfaketime reads "@YYYY-MM-DD hh:mm:ss" in the process's time zone: UTC, as in vitest.config.ts.
  const stamp = `@${iso.slice(0, 10)} ${iso.slice(11, 19)}`;
  const env = {
    ...process.env,
    TZ: 'UTC',
    LD_PRELOAD: library,
    FAKETIME: stamp,
    // Timers and durations stay real: only the date moves, and then runs on as usual.
    FAKETIME_DONT_FAKE_MONOTONIC: '1',
    FAKETIME_DONT_RESET: '1',
  };
  // A run that did not move the clock proves nothing: check it first.
  const probe = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(Date.now()))'], {
    env,
    encoding: 'utf8',
  });
  const seen = Number(probe.stdout);
  if (!Number.isFinite(seen) || Math.abs(seen - at.getTime()) > 120_000) {
    console.error(
      `libfaketime did not move the clock to ${iso} (node saw ${probe.stdout || probe.stderr}).`,
    );
    process.exit(2);
  }
  console.log(`\n=== ${label}: ${iso} ===`);
  const run = spawnSync(
    'npx',
    ['vitest', 'run', '--project', 'unit', '--project', 'integration', ...only],
    { env, stdio: 'inherit' },
  );
  if (run.status !== 0) failed.push(`${label} (${iso})`);
}
if (failed.length > 0) {
  console.error(`\nThe suite depends on the date; it failed on: ${failed.join(', ')}.`);
  process.exit(1);
}
console.log(`\nThe unit and integration suites pass on all ${dates.length} dates.`);
