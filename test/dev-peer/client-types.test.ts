/**
 * `generateContractTypes` (what `chaincode types` runs) and the type-level behaviour it enables:
 * the fixture's committed declaration must match what its contracts declare, and the typed-call
 * fixture must compile with exactly the errors it expects (`// @ts-expect-error`), with and
 * without that declaration.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as ts from 'typescript';
import { ContractTypesError, generateContractTypes } from '@chaincode/dev-peer';

const root = join(__dirname, '..', '..');
const fixture = join(__dirname, 'fixtures', 'client');
const DECLARATION = 'contract-transactions.d.ts';

let temp: string;
beforeEach(() => {
  temp = mkdtempSync(join(tmpdir(), 'contract-types-'));
});
afterEach(() => {
  rmSync(temp, { recursive: true, force: true });
});

describe('the declaration of the fixture contracts', () => {
  it('is committed and up to date (UPDATE_CONTRACT_TYPES=1 rewrites it)', async () => {
    const result = await generateContractTypes({
      modulePath: fixture,
      out: DECLARATION,
      check: process.env.UPDATE_CONTRACT_TYPES !== '1',
    });
    expect(result.contracts).toEqual(['AssetContract']);
    expect(result.status).toBe('unchanged');
  });

  it('lists submit and evaluate transactions from the metadata, keyed to the exported class', () => {
    const text = readFileSync(join(fixture, DECLARATION), 'utf8');
    expect(text).toContain("declare module '@chaincode/dev-peer' {");
    expect(text).toContain("'client-fixture:AssetContract': {");
    expect(text).toContain("contract: import('./index').AssetContract;");
    expect(text).toMatch(/submit:[\s|]*'CreateAsset'[\s|]*'PutAsset'[\s|]*'SetTags'/);
    expect(text).toMatch(/evaluate:[\s|]*'ReadAsset'[\s|]*'AssetExists'/);
    expect(text).not.toContain("'exists'");
  });
});

describe('check and write', () => {
  function project(): string {
    const dir = join(temp, 'project');
    cpSync(fixture, dir, { recursive: true });
    rmSync(join(dir, DECLARATION));
    return dir;
  }

  it('writes the file once, then finds it unchanged; check mode finds it current', async () => {
    const dir = project();
    const first = await generateContractTypes({ modulePath: dir });
    expect(first.status).toBe('written');
    expect(first.file).toBe(join(dir, 'test', DECLARATION));
    expect(readFileSync(first.file, 'utf8')).toBe(first.text);
    expect(first.text).toContain("contract: import('../index').AssetContract;");
    expect((await generateContractTypes({ modulePath: dir })).status).toBe('unchanged');
    expect((await generateContractTypes({ modulePath: dir, check: true })).status).toBe('unchanged');
  });

  it('check mode reports a missing or stale file without writing it', async () => {
    const dir = project();
    const missing = generateContractTypes({ modulePath: dir, out: 'types.d.ts', check: true });
    await expect(missing).rejects.toBeInstanceOf(ContractTypesError);
    await expect(missing).rejects.toMatchObject({
      code: 'CC_DEVPEER_CLIENT_TYPES_STALE',
      message: 'types.d.ts is missing: run chaincode types',
    });
    writeFileSync(join(dir, 'types.d.ts'), 'stale');
    await expect(generateContractTypes({ modulePath: dir, out: 'types.d.ts', check: true })).rejects.toThrow(
      'types.d.ts is out of date with the contracts: run chaincode types',
    );
    expect(readFileSync(join(dir, 'types.d.ts'), 'utf8')).toBe('stale');
    expect((await generateContractTypes({ modulePath: dir, out: 'types.d.ts' })).status).toBe('written');
  });

  it('fails clearly when the module cannot give its contracts', async () => {
    const failsWith = (options: Parameters<typeof generateContractTypes>[0], message: string | RegExp) =>
      expect(generateContractTypes(options)).rejects.toMatchObject({
        code: 'CC_DEVPEER_CLIENT_TYPES_FAILED',
        message: expect.stringMatching(message),
      });
    await failsWith({ modulePath: temp }, /^cannot load the contract module: no package.json in /);
    const dir = join(temp, 'p');
    mkdirSync(dir);
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'p', main: 'dist/index.js' }));
    await failsWith({ modulePath: dir }, /dist\/index.js does not exist \(build the project first/);
    writeFileSync(join(dir, 'throws.js'), "throw new Error('no database');");
    await failsWith({ modulePath: dir, entry: 'throws.js' }, /throws.js: no database$/);
    writeFileSync(join(dir, 'empty.js'), 'module.exports = { contracts: [] };');
    await failsWith({ modulePath: dir, entry: 'empty.js' }, /^no contracts exported by /);
    writeFileSync(join(dir, 'bad.js'), 'module.exports = { contracts: [42] };');
    await failsWith({ modulePath: dir, entry: 'bad.js' }, /holds something that is not a Contract class/);
  });

  it('names a contract class that is not exported by name', async () => {
    const dir = join(temp, 'hidden');
    mkdirSync(dir);
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'hidden', main: 'index.ts' }));
    writeFileSync(
      join(dir, 'index.ts'),
      [
        "import { Contract } from '@chaincode/contract-api';",
        'class HiddenContract extends Contract {}',
        'export const contracts = [HiddenContract];',
      ].join('\n'),
    );
    await expect(generateContractTypes({ modulePath: dir })).rejects.toThrow(
      /^contract class HiddenContract is not exported by name from index.ts: export it/,
    );
  });
});

/** Compile `files` with the repository's strict settings; the diagnostics as `file:line: message`. */
function compile(files: string[]): string[] {
  const config = ts.getParsedCommandLineOfConfigFile(
    join(root, 'tsconfig.check.json'),
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (d) => {
        throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n'));
      },
    },
  );
  if (config === undefined) throw new Error('cannot read tsconfig.check.json');
  const program = ts.createProgram(files, { ...config.options, noEmit: true });
  return ts.getPreEmitDiagnostics(program).map((d) => {
    const where =
      d.file === undefined
        ? ''
        : `${d.file.fileName.slice(root.length + 1)}:${String(d.file.getLineAndCharacterOfPosition(d.start ?? 0).line + 1)}: `;
    return where + ts.flattenDiagnosticMessageText(d.messageText, ' ');
  });
}

describe('type-level behaviour (compiled with the TypeScript API)', () => {
  const typedCalls = join(fixture, 'typed-calls.ts');

  it('with the declaration: exactly the errors the fixture expects', () => {
    expect(compile([typedCalls, join(fixture, DECLARATION)])).toEqual([]);
  }, 60000);

  it('without it: submit offers evaluate transactions and helpers, so those expectations go unused', () => {
    const source = readFileSync(typedCalls, 'utf8').split('\n');
    const registryOnly = source
      .map((line, index) => (line.includes('@ts-expect-error (declaration)') ? index + 1 : undefined))
      .filter((line): line is number => line !== undefined);
    expect(registryOnly.length).toBeGreaterThan(0);
    expect(compile([typedCalls])).toEqual(
      registryOnly.map(
        (line) => `test/dev-peer/fixtures/client/typed-calls.ts:${String(line)}: Unused '@ts-expect-error' directive.`,
      ),
    );
  }, 60000);
});
