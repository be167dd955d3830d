import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { contractApiErrorCodes } from '@chaincode/contract-api/internal';
import { shimErrorCodes } from '@chaincode/shim/internal';
import { devPeerErrorCodes } from '@chaincode/dev-peer/internal';
import { cliErrorCodes } from '@chaincode/cli/internal';
import { renderErrorDocs, sourcesOf, type RegistryEntry } from './error-docs';

const root = join(__dirname, '..', '..');
const docsPath = join(root, 'docs', 'errors.md');

// Each package's registry (src/errors/codes.ts), in dependency order.
const entries: RegistryEntry[] = [
  {
    pkg: '@chaincode/contract-api',
    prefix: 'CC_API_',
    srcDir: join(root, 'packages', 'contract-api', 'src'),
    registry: contractApiErrorCodes,
  },
  {
    pkg: '@chaincode/shim',
    prefix: 'CC_SHIM_',
    srcDir: join(root, 'packages', 'shim', 'src'),
    registry: shimErrorCodes,
  },
  {
    pkg: '@chaincode/dev-peer',
    prefix: 'CC_DEVPEER_',
    srcDir: join(root, 'packages', 'dev-peer', 'src'),
    registry: devPeerErrorCodes,
  },
  { pkg: '@chaincode/cli', prefix: 'CC_CLI_', srcDir: join(root, 'packages', 'cli', 'src'), registry: cliErrorCodes },
];

describe('docs/errors.md', () => {
  it('lists exactly the codes of the registries (npm run docs:errors rewrites it)', () => {
    const rendered = renderErrorDocs(entries);
    if (process.env.UPDATE_ERROR_DOCS === '1') writeFileSync(docsPath, rendered);
    expect(readFileSync(docsPath, 'utf8')).toBe(rendered);
  });

  it('every code has its package prefix and is used in the package source', () => {
    for (const entry of entries) {
      const source = sourcesOf(entry.srcDir);
      const codes = Object.keys(entry.registry);
      expect({ pkg: entry.pkg, unprefixed: codes.filter((code) => !code.startsWith(entry.prefix)) }).toEqual({
        pkg: entry.pkg,
        unprefixed: [],
      });
      expect({ pkg: entry.pkg, unused: codes.filter((code) => !source.includes(code)) }).toEqual({
        pkg: entry.pkg,
        unused: [],
      });
    }
  });
});
