/**
 * One TypeScript contract source, compiled in process the ways contract projects build: tsc (a full
 * program, as `tsc -p` emits it), ts-jest (its Jest transformer), swc (the options of our own Jest
 * config and templates) and Babel (preset-typescript, legacy decorators and
 * babel-plugin-transform-typescript-metadata). `metadata: false` builds without decorator metadata.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as babel from '@babel/core';
import * as swc from '@swc/core';
import { TsJestTransformer } from 'ts-jest';
import * as ts from 'typescript';

export type Toolchain = 'tsc' | 'ts-jest' | 'swc' | 'babel';

export const TOOLCHAINS: readonly Toolchain[] = ['tsc', 'ts-jest', 'swc', 'babel'];

const root = join(__dirname, '..', '..', '..');

/** Compiler options a contract project uses (the template's, with the package resolved to its sources). */
function tsOptions(metadata: boolean): ts.CompilerOptions {
  return {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.CommonJS,
    moduleResolution: ts.ModuleResolutionKind.Node10,
    strict: true,
    experimentalDecorators: true,
    emitDecoratorMetadata: metadata,
    useDefineForClassFields: false,
    esModuleInterop: true,
    skipLibCheck: true,
    noEmitOnError: false,
    types: ['node'],
    typeRoots: [join(root, 'node_modules', '@types')],
    baseUrl: root,
    paths: { '@chaincode/contract-api': ['packages/contract-api/src/index.ts'] },
  };
}

function compileTsc(file: string, metadata: boolean): string {
  const program = ts.createProgram([file], tsOptions(metadata));
  let js: string | undefined;
  program.emit(program.getSourceFile(file), (name, text) => {
    if (name.endsWith('.js')) js = text;
  });
  if (js === undefined) throw new Error(`tsc emitted nothing for ${file}`);
  return js;
}

function compileTsJest(file: string, source: string, metadata: boolean, cacheDirectory: string): string {
  const options = tsOptions(metadata);
  const transformer = new TsJestTransformer({
    tsconfig: {
      target: 'ES2022',
      module: 'commonjs',
      moduleResolution: 'node10',
      strict: true,
      experimentalDecorators: true,
      emitDecoratorMetadata: metadata,
      useDefineForClassFields: false,
      esModuleInterop: true,
      skipLibCheck: true,
      types: options.types,
      typeRoots: options.typeRoots,
      baseUrl: options.baseUrl,
      paths: options.paths,
    },
    // type errors (an implicit any in the "untyped" sources) must not stop the build, as in a
    // project that sets diagnostics: false
    diagnostics: false,
  });
  // ts-jest keeps one compiler per Jest config (by its text): a config per option set
  const config = {
    id: `toolchains-${metadata ? 'metadata' : 'no-metadata'}`,
    rootDir: root,
    cwd: root,
    cacheDirectory,
    globals: {},
    testMatch: [],
    testRegex: [],
    moduleFileExtensions: ['ts', 'js'],
    extensionsToTreatAsEsm: [],
    setupFiles: [],
    setupFilesAfterEnv: [],
    transform: [],
    testEnvironment: 'node',
  };
  const out = transformer.process(source, file, {
    config,
    configString: JSON.stringify(config),
    cacheFS: new Map(),
    instrument: false,
    supportsDynamicImport: false,
    supportsExportNamespaceFrom: true,
    supportsStaticESM: false,
    supportsTopLevelAwait: false,
    transformerConfig: {},
  } as unknown as Parameters<TsJestTransformer['process']>[2]);
  return out.code;
}

function compileSwc(file: string, source: string, metadata: boolean): string {
  return swc.transformSync(source, {
    filename: file,
    swcrc: false,
    configFile: false,
    jsc: {
      target: 'es2022',
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: metadata, useDefineForClassFields: false },
      keepClassNames: true,
    },
    module: { type: 'commonjs' },
  }).code;
}

function compileBabel(file: string, source: string, metadata: boolean): string {
  const result = babel.transformSync(source, {
    filename: file,
    babelrc: false,
    configFile: false,
    presets: [['@babel/preset-typescript']],
    plugins: [
      ...(metadata ? ['babel-plugin-transform-typescript-metadata'] : []),
      ['@babel/plugin-proposal-decorators', { legacy: true }],
      // legacy decorators on fields need the class-properties transform, in loose mode (Babel's docs)
      ['@babel/plugin-transform-class-properties', { loose: true }],
      '@babel/plugin-transform-modules-commonjs',
    ],
  });
  if (result?.code === undefined || result.code === null) throw new Error(`Babel emitted nothing for ${file}`);
  return result.code;
}

/**
 * Compile `source` (a module importing `@chaincode/contract-api`) with `toolchain` into
 * `<dir>/<toolchain>[-nometa]/<name>.js` and answer that path; `require` it to load the classes.
 */
export function compileContract(
  toolchain: Toolchain,
  source: string,
  options: { readonly dir: string; readonly name: string; readonly metadata?: boolean },
): string {
  const metadata = options.metadata ?? true;
  const out = join(options.dir, `${toolchain}${metadata ? '' : '-nometa'}`);
  mkdirSync(out, { recursive: true });
  const file = join(out, `${options.name}.ts`);
  writeFileSync(file, source);
  let js: string;
  switch (toolchain) {
    case 'tsc':
      js = compileTsc(file, metadata);
      break;
    case 'ts-jest':
      js = compileTsJest(file, readFileSync(file, 'utf8'), metadata, join(options.dir, 'ts-jest-cache'));
      break;
    case 'swc':
      js = compileSwc(file, source, metadata);
      break;
    case 'babel':
      js = compileBabel(file, source, metadata);
      break;
  }
  const path = join(out, `${options.name}.js`);
  writeFileSync(path, js);
  return path;
}
