#!/usr/bin/env node
// The package's bin: runs the CLI built by `npm run build:cli` (which `npm ci` runs through "prepare").
import { existsSync } from 'node:fs';

const built = new URL('../dist/cli/main.js', import.meta.url);
if (!existsSync(built)) {
  process.stderr.write('cors-doctor: the CLI is not built yet; run "npm run build:cli" in the repository first.\n');
  process.exit(2);
}
await import(built.href);
