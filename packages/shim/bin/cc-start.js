#!/usr/bin/env node
'use strict';
// `cc-start` = `fabric-chaincode-node start`: what a chaincode's "start" script names, so the peer's
// `npm start -- --peer.address <addr>` starts the contract. A committed file that loads the build.
const { existsSync } = require('node:fs');
const { join } = require('node:path');

const bin = join(__dirname, '..', 'dist', 'cli', 'fabric-chaincode-node.js');
if (existsSync(bin)) {
  process.argv.splice(2, 0, 'start');
  require(bin);
} else {
  process.stderr.write(
    'cc-start: @chaincode/shim is not built (no dist/); run `npm run build` in the repository first\n',
  );
  process.exitCode = 1;
}
