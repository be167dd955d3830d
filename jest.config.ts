/** @jest-config-loader ts-node */
import { join } from 'node:path';
import type { Config } from 'jest';

// @swc/jest with legacy decorators and decorator metadata: the emitted code carries
// design:paramtypes / design:type / design:returntype exactly as tsc emits them.
const transform: Config['transform'] = {
  '^.+\\.ts$': [
    '@swc/jest',
    {
      jsc: {
        target: 'es2022',
        parser: { syntax: 'typescript', decorators: true },
        transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
        keepClassNames: true,
      },
      module: { type: 'commonjs' },
      sourceMaps: 'inline',
    },
  ],
};

// Tests import sibling packages by name; resolve them to sources so no build is needed.
const pkg = (name: string, entry: string): string => join(__dirname, 'packages', name, 'src', entry);
const moduleNameMapper: Config['moduleNameMapper'] = {
  '^@chaincode/contract-api$': pkg('contract-api', 'index.ts'),
  '^@chaincode/contract-api/internal$': pkg('contract-api', 'internal.ts'),
  '^@chaincode/shim$': pkg('shim', 'index.ts'),
  '^@chaincode/shim/internal$': pkg('shim', 'internal.ts'),
  '^@chaincode/shim/command-options$': pkg('shim', 'command-options.ts'),
  '^@chaincode/dev-peer$': pkg('dev-peer', 'index.ts'),
  '^@chaincode/dev-peer/internal$': pkg('dev-peer', 'internal.ts'),
  '^@chaincode/cli$': pkg('cli', 'index.ts'),
  '^@chaincode/cli/internal$': pkg('cli', 'internal.ts'),
};

function project(name: string, rootDir: string): NonNullable<Config['projects']>[number] {
  return {
    displayName: name,
    rootDir,
    testEnvironment: 'node',
    transform,
    moduleNameMapper,
    testMatch: ['**/*.test.ts'],
    testPathIgnorePatterns: ['/node_modules/', '/dist/', '/__fixtures__/', '/fixtures/'],
    moduleFileExtensions: ['ts', 'js', 'json'],
  };
}

const config: Config = {
  projects: [
    project('contract-api', '<rootDir>/packages/contract-api'),
    project('shim', '<rootDir>/packages/shim'),
    project('dev-peer', '<rootDir>/packages/dev-peer'),
    project('cli', '<rootDir>/packages/cli'),
    project('integration', '<rootDir>/test'),
  ],
  testTimeout: 30000,
  // Two workers even on two cores: most long files wait on child processes (chaincodes, npm, tsc).
  maxWorkers: 2,
  testSequencer: '<rootDir>/test/support/slow-first-sequencer.cjs',
};

export default config;
