/**
 * `generateContractTypes` (what `chaincode types` runs) and the type-level behaviour it enables:
 * the fixture's committed declaration must match what its contracts declare, and the typed-call
 * fixture must compile with exactly the errors it expects (`// @ts-expect-error`), with and
 * without that declaration.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
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

describe('naming the class in the declaration', () => {
  /** A package whose main is compiled JavaScript (as tsc writes it) with a source map to src/. */
  function compiledPackage(map: 'file' | 'inline' | 'none'): string {
    const dir = join(temp, `compiled-${map}`);
    mkdirSync(join(dir, 'dist'), { recursive: true });
    mkdirSync(join(dir, 'src'));
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'compiled', main: 'dist/index.js' }));
    writeFileSync(join(dir, 'src', 'index.ts'), '// the source the map points at\n');
    const sourceMap = JSON.stringify({
      version: 3,
      file: 'index.js',
      sourceRoot: '',
      sources: ['../src/index.ts'],
      mappings: '',
    });
    const comment =
      map === 'file'
        ? '//# sourceMappingURL=index.js.map'
        : map === 'inline'
          ? `//# sourceMappingURL=data:application/json;base64,${Buffer.from(sourceMap).toString('base64')}`
          : '';
    if (map === 'file') writeFileSync(join(dir, 'dist', 'index.js.map'), sourceMap);
    writeFileSync(
      join(dir, 'dist', 'index.js'),
      [
        "const { Contract } = require('@chaincode/contract-api');",
        'class LedgerContract extends Contract { async Put(ctx, key) { return key; } }',
        'exports.LedgerContract = LedgerContract;',
        'exports.contracts = [LedgerContract];',
        comment,
      ].join('\n'),
    );
    return dir;
  }

  it.each([
    ['a source map file', 'file', "import('../src/index').LedgerContract"],
    ['an inline source map', 'inline', "import('../src/index').LedgerContract"],
    ['no source map (the compiled module, or its .d.ts)', 'none', "import('../dist/index').LedgerContract"],
  ] as const)('names the TypeScript source of a compiled main through %s', async (_what, map, reference) => {
    const dir = compiledPackage(map);
    const result = await generateContractTypes({ modulePath: dir });
    expect(result.text).toContain(`contract: ${reference};`);
    expect(result.text).toContain("submit: 'Put';");
    expect(result.text).toContain('evaluate: never;');
  });
});

describe('a TypeScript entry without a loader', () => {
  /** Run `body` with Node's own require having no loader for .ts (as in a plain `node` process). */
  function withoutTsLoader(body: () => void): void {
    const extensions = (Module as unknown as { _extensions: Record<string, unknown> })._extensions;
    const saved = extensions['.ts'];
    Reflect.deleteProperty(extensions, '.ts');
    try {
      body();
    } finally {
      if (saved !== undefined) extensions['.ts'] = saved;
      else Reflect.deleteProperty(extensions, '.ts');
    }
  }

  function tsProject(withTypeScript: boolean): string {
    const dir = join(temp, 'ts-project');
    mkdirSync(dir);
    if (withTypeScript) {
      mkdirSync(join(dir, 'node_modules'));
      symlinkSync(join(root, 'node_modules', 'typescript'), join(dir, 'node_modules', 'typescript'), 'dir');
    }
    writeFileSync(
      join(dir, 'tsconfig.json'),
      JSON.stringify({ compilerOptions: { experimentalDecorators: true, emitDecoratorMetadata: true, strict: true } }),
    );
    writeFileSync(join(dir, 'b.ts'), 'export const answer: number = 42;\n');
    writeFileSync(
      join(dir, 'a.ts'),
      [
        "import { answer } from './b';",
        'const seen: unknown[] = [];',
        'const reflect = Reflect as unknown as { metadata?: unknown };',
        'const previous = reflect.metadata;',
        'reflect.metadata = (key: string, value: unknown) => () => {',
        "  if (key === 'design:paramtypes') seen.push(value);",
        '};',
        'function mark(): MethodDecorator { return () => undefined; }',
        'class Sample { @mark() run(_name: string, _size: number): void {} }',
        'export const paramTypes = seen;',
        'export const fromB = answer;',
        'export const sample = new Sample();',
        '// this process is shared with other tests: put Reflect back as it was',
        'if (previous === undefined) delete reflect.metadata; else reflect.metadata = previous;',
      ].join('\n'),
    );
    return dir;
  }

  it("compiles the project's sources with its own typescript and tsconfig (decorator metadata included)", () => {
    const dir = tsProject(true);
    withoutTsLoader(() => {
      const { registerTypeScriptLoader } = require('../../packages/dev-peer/src/client/typegen/typescript-loader') as {
        registerTypeScriptLoader: (dir: string) => () => void;
      };
      const unregister = registerTypeScriptLoader(dir);
      try {
        const loaded = createRequire(join(dir, 'a.ts'))(join(dir, 'a.ts')) as { paramTypes: unknown[]; fromB: number };
        expect(loaded.fromB).toBe(42);
        expect(loaded.paramTypes).toEqual([[String, Number]]);
      } finally {
        unregister();
      }
      expect((Module as unknown as { _extensions: Record<string, unknown> })._extensions['.ts']).toBeUndefined();
    });
  });

  it('asks for typescript when the project has none', () => {
    const dir = tsProject(false);
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'ts-project', main: 'a.ts' }));
    withoutTsLoader(() => {
      const { registerTypeScriptLoader } = require('../../packages/dev-peer/src/client/typegen/typescript-loader') as {
        registerTypeScriptLoader: (dir: string) => () => void;
      };
      expect(() => registerTypeScriptLoader(dir)).toThrow(
        expect.objectContaining({
          code: 'CC_DEVPEER_CLIENT_TYPES_FAILED',
          message: expect.stringContaining(`a TypeScript entry needs the typescript package in ${dir}`),
        }),
      );
    });
  });
});

/** Compile `files` with the repository's strict settings; the diagnostics as `file:line: message`. */
let previous: ts.Program | undefined;

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
  // the second compile reuses the first one's parsed files (lib, our sources): half the time
  const program = ts.createProgram({
    rootNames: files,
    options: { ...config.options, noEmit: true },
    oldProgram: previous,
  });
  previous = program;
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
