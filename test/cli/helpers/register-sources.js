'use strict';
// Lets a plain `node` process run the TypeScript sources of this repository, for tests that spawn
// the CLI as a child process without a build: `node -r <this file> packages/cli/src/bin.ts ...`.
// @chaincode/* resolve to packages/*/src, and .ts files are compiled by swc with the same settings
// as jest (legacy decorators + decorator metadata).
const Module = require('node:module');
const path = require('node:path');
const fs = require('node:fs');
const swc = require('@swc/core');

const root = path.resolve(__dirname, '..', '..', '..');
const sources = {
  '@chaincode/contract-api': path.join(root, 'packages/contract-api/src/index.ts'),
  '@chaincode/shim': path.join(root, 'packages/shim/src/index.ts'),
  '@chaincode/shim/internal': path.join(root, 'packages/shim/src/internal.ts'),
  '@chaincode/shim/command-options': path.join(root, 'packages/shim/src/command-options.ts'),
  '@chaincode/dev-peer': path.join(root, 'packages/dev-peer/src/index.ts'),
  '@chaincode/cli': path.join(root, 'packages/cli/src/index.ts'),
};

const resolveFilename = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  return resolveFilename.call(this, sources[request] ?? request, ...rest);
};

const swcOptions = {
  sourceMaps: 'inline',
  jsc: {
    target: 'es2022',
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
    keepClassNames: true,
  },
  module: { type: 'commonjs' },
};

Module._extensions['.ts'] = function compileTypeScript(module, filename) {
  const source = fs.readFileSync(filename, 'utf8');
  module._compile(swc.transformSync(source, { ...swcOptions, filename }).code, filename);
};
