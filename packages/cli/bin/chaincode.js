#!/usr/bin/env node
'use strict';
// The `chaincode` bin. A committed file (not build output), so `npm ci` links it on a fresh
// clone before anything is built; it loads the build, and says so in one line when there is none.
const { existsSync } = require('node:fs');
const { join } = require('node:path');

const main = join(__dirname, '..', 'dist', 'main.js');
if (existsSync(main)) {
  require(main);
} else {
  process.stderr.write(
    'chaincode: @chaincode/cli is not built (no dist/); run `npm run build` in the repository first\n',
  );
  process.exitCode = 1;
}
