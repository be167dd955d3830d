import { existsSync, readFileSync } from 'node:fs';
import Module from 'node:module';
import { extname, join } from 'node:path';
import { errorMessage } from '@chaincode/contract-api/internal';
import { ContractTypesError } from '../errors/contract-types-error';

/** What we use of the `typescript` package (the project's own, loaded at run time). */
interface TypeScriptApi {
  readonly ModuleKind: { readonly CommonJS: number };
  readonly ScriptTarget: { readonly ES2022: number };
  readonly sys: unknown;
  getParsedCommandLineOfConfigFile(
    path: string,
    options: Record<string, unknown>,
    host: unknown,
  ): { options: Record<string, unknown> } | undefined;
  transpileModule(
    input: string,
    options: { compilerOptions: Record<string, unknown>; fileName: string },
  ): { outputText: string };
}

type CompileHook = (module: { _compile(code: string, filename: string): void }, filename: string) => void;

const TYPESCRIPT_EXTENSIONS = ['.ts', '.cts', '.tsx'];

/** True for a file only a TypeScript loader can require. */
export function isTypeScriptFile(file: string): boolean {
  return TYPESCRIPT_EXTENSIONS.includes(extname(file)) && !file.endsWith('.d.ts');
}

function nodeExtensions(): Record<string, CompileHook | undefined> {
  return (Module as unknown as { _extensions: Record<string, CompileHook | undefined> })._extensions;
}

/**
 * True when `require` here is Node's own loader and it has no loader for `file`'s extension (a
 * plain `node` process). Under a test runner with its own module registry (Jest) `require`
 * compiles TypeScript itself.
 */
export function needsTypeScriptLoader(file: string): boolean {
  if (!isTypeScriptFile(file)) return false;
  // eslint-disable-next-line @typescript-eslint/no-deprecated -- the one way to tell Node's loader from a runner's
  const local: unknown = require.extensions;
  const extensions = nodeExtensions();
  return local === extensions && extensions[extname(file)] === undefined;
}

/**
 * Let `require` load the project's TypeScript sources, compiled file by file with the project's
 * own `typescript` package and tsconfig (forced to CommonJS; decorators and their metadata as
 * the project configures them, on by default). Only extensions without a loader get one (a test
 * runner's or ts-node's stays in charge). Returns the function that removes it again.
 * @throws ContractTypesError when the project has no `typescript` package.
 */
export function registerTypeScriptLoader(projectDir: string): () => void {
  const extensions = nodeExtensions();
  const missing = TYPESCRIPT_EXTENSIONS.filter((ext) => extensions[ext] === undefined);
  if (missing.length === 0) return () => undefined;
  const ts = loadTypeScript(projectDir);
  const compilerOptions = projectCompilerOptions(ts, projectDir);
  const hook: CompileHook = (module, filename) => {
    const { outputText } = ts.transpileModule(readFileSync(filename, 'utf8'), { compilerOptions, fileName: filename });
    module._compile(outputText, filename);
  };
  for (const ext of missing) extensions[ext] = hook;
  return () => {
    for (const ext of missing) if (extensions[ext] === hook) Reflect.deleteProperty(extensions, ext);
  };
}

function loadTypeScript(projectDir: string): TypeScriptApi {
  try {
    const path = require.resolve('typescript', { paths: [projectDir] });
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- the project's own compiler, found at run time
    return require(path) as TypeScriptApi;
  } catch (err) {
    throw new ContractTypesError(
      'CC_DEVPEER_CLIENT_TYPES_FAILED',
      `a TypeScript entry needs the typescript package in ${projectDir} (npm install -D typescript), ` +
        `or build the project and give its compiled main: ${errorMessage(err)}`,
      { cause: err },
    );
  }
}

/** The tsconfig's compiler options (when there is one), made to emit CommonJS in memory. */
function projectCompilerOptions(ts: TypeScriptApi, projectDir: string): Record<string, unknown> {
  const defaults: Record<string, unknown> = {
    target: ts.ScriptTarget.ES2022,
    experimentalDecorators: true,
    emitDecoratorMetadata: true,
    useDefineForClassFields: false,
    esModuleInterop: true,
  };
  let fromProject: Record<string, unknown> = {};
  try {
    const config = join(projectDir, 'tsconfig.json');
    if (existsSync(config)) {
      const parsed = ts.getParsedCommandLineOfConfigFile(
        config,
        {},
        {
          ...(ts.sys as object),
          onUnRecoverableConfigFileDiagnostic: () => undefined,
        },
      );
      fromProject = parsed?.options ?? {};
    }
  } catch {
    fromProject = {};
  }
  return {
    ...defaults,
    ...fromProject,
    module: ts.ModuleKind.CommonJS,
    noEmit: false,
    declaration: false,
    declarationMap: false,
    sourceMap: false,
    inlineSourceMap: true,
    inlineSources: false,
    isolatedModules: true,
  };
}
