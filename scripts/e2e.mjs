// Runs the browser journeys in Debian's Chromium. On CI Chromium is required; on a developer
// machine without it the run says so plainly instead of pretending to have tested.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { buildWebIfNeeded } from './build-web-if-needed.mjs';

const chromium = process.env.LIAISON_CHROMIUM ?? '/usr/bin/chromium';
if (!fs.existsSync(chromium)) {
  if (process.env.CI) {
    console.error(
      `Browser tests need Chromium at ${chromium} (apt-get install chromium); CI requires them.`,
    );
    process.exit(1);
  }
  console.warn(
    `\n  Browser tests NOT run: no Chromium at ${chromium}. Install it with: apt-get install chromium\n`,
  );
  process.exit(0);
}
buildWebIfNeeded();
const result = spawnSync('npx', ['vitest', 'run', '--project', 'e2e'], { stdio: 'inherit' });
process.exit(result.status ?? 1);
