import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(__dirname, '..', '..', '..');

/**
 * The consumer contract compiles alone under strict settings against our public types (resolved
 * from sources through `paths`, as the published .d.ts files would resolve them).
 */
describe('public types', () => {
  it('compile a contract using every decorator under --strict', () => {
    const dir = mkdtempSync(join(tmpdir(), 'consumer-types-'));
    try {
      const config = {
        compilerOptions: {
          strict: true,
          noImplicitOverride: true,
          noUncheckedIndexedAccess: true,
          exactOptionalPropertyTypes: false,
          experimentalDecorators: true,
          emitDecoratorMetadata: true,
          target: 'ES2022',
          module: 'commonjs',
          moduleResolution: 'node10',
          esModuleInterop: true,
          skipLibCheck: true,
          noEmit: true,
          types: ['node'],
          typeRoots: [join(root, 'node_modules', '@types')],
          baseUrl: root,
          paths: { '@chaincode/contract-api': ['packages/contract-api/src/index.ts'] },
        },
        files: [join(__dirname, 'consumer-contract.ts')],
      };
      const tsconfig = join(dir, 'tsconfig.json');
      writeFileSync(tsconfig, JSON.stringify(config));
      const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
      const out = execFileSync(process.execPath, [tsc, '-p', tsconfig], { encoding: 'utf8', timeout: 60000 });
      expect(out).toBe('');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 90000);
});
