#!/usr/bin/env node
// The `cc-start` bin of @chaincode/shim. Committed (not built) so that `npm ci` links it on a
// fresh clone; it loads the build, and says so in one line when there is none yet.
'use strict';
const { existsSync } = require('node:fs');
const { join } = require('node:path');

const entry = join(__dirname, '..', 'dist', 'bin', 'cc-start.js');
if (existsSync(entry)) {
  require(entry);
} else {
  process.stderr.write(`cc-start: @chaincode/shim is not built (no ${entry}): build first: npm run build\n`);
  process.exitCode = 1;
}
