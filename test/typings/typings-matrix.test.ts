/**
 * The typings compatibility matrix (issue 7.2): a consumer project (`consumer/`) that uses our
 * public types the way existing contracts use the official ones is compiled against the BUILT
 * declarations (`packages/* /dist/*.d.ts`, resolved through node_modules as an installed package
 * would be) with TypeScript 4.9, 5.0 and 5.9, each with @types/node 16 and 20, `strict` and
 * `skipLibCheck: false`, emitting declarations.
 *
 * The compilers and type packages are this folder's own dependencies (package.json and its
 * committed lockfile: npm aliases, so the root `tsc` stays the real one). The test installs them
 * with `npm ci` when they are missing or the lockfile changed; `node_modules/` here is git-ignored
 * and works as the cache.
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

const here = __dirname;
const root = join(here, '..', '..');
const modules = join(here, 'node_modules');
const work = join(modules, '.matrix');

const COMPILERS = ['4.9', '5.0', '5.9'] as const;
const NODE_TYPES = ['16', '20'] as const;

/**
 * Consumer files left out of the matrix, with the reason. Each waits for work on another branch;
 * the lead removes the entry when merging it.
 */
const EXCLUDED: Readonly<Record<string, string>> = {};

const consumerDir = join(here, 'consumer');
const consumerFiles = readdirSync(consumerDir)
  .filter((name) => name.endsWith('.ts') && !Object.hasOwn(EXCLUDED, name))
  .map((name) => join(consumerDir, name));

function sha256(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

/** `npm ci` in this folder unless the installed tree was made from the committed lockfile. */
async function ensureInstalled(): Promise<void> {
  const stamp = join(work, 'installed-from.sha256');
  const lock = sha256(join(here, 'package-lock.json'));
  const present = COMPILERS.every((v) => existsSync(join(modules, `typescript-${v}`, 'bin', 'tsc')));
  if (present && existsSync(stamp) && readFileSync(stamp, 'utf8') === lock) return;
  // npm's own CLI when run by npm (npm test), else the npm on PATH
  const npmCli = process.env.npm_execpath;
  const [command, prefix] =
    npmCli !== undefined && npmCli.endsWith('.js') ? [process.execPath, [npmCli]] : ['npm', [] as string[]];
  await run(command, [...prefix, 'ci', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error'], {
    cwd: here,
    timeout: 300_000,
  });
  mkdirSync(work, { recursive: true });
  writeFileSync(stamp, lock);
}

/** A folder to use as `typeRoots` whose `node` is the given @types/node. */
function typeRoot(nodeTypes: string): string {
  const dir = join(work, `typeroots-${nodeTypes}`);
  mkdirSync(dir, { recursive: true });
  if (!existsSync(join(dir, 'node'))) symlinkSync(join(modules, `types-node-${nodeTypes}`), join(dir, 'node'), 'dir');
  return dir;
}

interface Compiled {
  readonly code: number;
  readonly output: string;
}

/** Run `tsc -p` of the given version on a project of `files`; answers its exit code and output. */
async function compile(
  compiler: string,
  nodeTypes: string,
  name: string,
  files: string[],
  extra: object = {},
  flags: string[] = [],
): Promise<Compiled> {
  const dir = join(work, name);
  mkdirSync(dir, { recursive: true });
  const tsconfig = {
    compilerOptions: {
      // what TypeScript contract projects use (fabric-samples' settings), made stricter
      target: 'es2017',
      module: 'commonjs',
      moduleResolution: 'node',
      strict: true,
      esModuleInterop: true,
      experimentalDecorators: true,
      emitDecoratorMetadata: true,
      declaration: true,
      skipLibCheck: false,
      types: ['node'],
      typeRoots: [typeRoot(nodeTypes)],
      rootDir: consumerDir,
      outDir: join(dir, 'out'),
      ...extra,
    },
    files,
  };
  writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify(tsconfig, null, 2));
  const tsc = join(modules, `typescript-${compiler}`, 'bin', 'tsc');
  try {
    const { stdout, stderr } = await run(process.execPath, [tsc, '-p', join(dir, 'tsconfig.json'), ...flags], {
      cwd: here,
      timeout: 180_000,
    });
    return { code: 0, output: stdout + stderr };
  } catch (err) {
    const e = err as { code?: unknown; stdout?: string; stderr?: string; message: string };
    return {
      code: typeof e.code === 'number' ? e.code : -1,
      output: `${e.stdout ?? ''}${e.stderr ?? ''}` || e.message,
    };
  }
}

describe('typings compatibility matrix', () => {
  beforeAll(async () => {
    for (const pkg of ['contract-api', 'shim']) {
      if (!existsSync(join(root, 'packages', pkg, 'dist', 'index.d.ts'))) {
        throw new Error(`packages/${pkg} is not built: run npm run build first`);
      }
    }
    await ensureInstalled();
  }, 330_000);

  it('has the compilers it claims', async () => {
    const versions: string[] = [];
    for (const compiler of COMPILERS) {
      const tsc = join(modules, `typescript-${compiler}`, 'bin', 'tsc');
      versions.push((await run(process.execPath, [tsc, '--version'])).stdout.trim());
    }
    expect(versions).toEqual([
      expect.stringMatching(/^Version 4\.9\./),
      expect.stringMatching(/^Version 5\.0\./),
      expect.stringMatching(/^Version 5\.9\./),
    ]);
  });

  it('compiles against the built declarations through node_modules, not the sources', async () => {
    const { code, output } = await compile('5.9', '20', 'list-files', consumerFiles, {}, ['--listFilesOnly']);
    expect(code).toBe(0);
    const files = output.split('\n');
    for (const pkg of ['contract-api', 'shim']) {
      expect(files).toContain(join(root, 'packages', pkg, 'dist', 'index.d.ts'));
    }
    expect(files.filter((f) => f.includes(join('packages', 'contract-api', 'src')))).toEqual([]);
    expect(files).toContain(join(modules, 'types-node-20', 'index.d.ts'));
    expect(files.some((f) => f.includes(join('node_modules', '@types', 'node')))).toBe(false);
  });

  const combinations = COMPILERS.flatMap((compiler) => NODE_TYPES.map((nodeTypes) => [compiler, nodeTypes] as const));

  it.each(combinations)(
    'TypeScript %s with @types/node %s compiles the consumer project (strict, skipLibCheck false)',
    async (compiler, nodeTypes) => {
      expect(consumerFiles.length).toBeGreaterThanOrEqual(4);
      const result = await compile(compiler, nodeTypes, `ts${compiler}-node${nodeTypes}`, consumerFiles);
      expect(result).toEqual({ code: 0, output: '' });
    },
    180_000,
  );

  it('fails on a type error (the matrix is not vacuous)', async () => {
    const bad = join(work, 'bad-consumer.ts');
    mkdirSync(work, { recursive: true });
    writeFileSync(
      bad,
      [
        "import { Contract, Transaction } from '@chaincode/contract-api';",
        'export class Bad extends Contract {',
        "  @Transaction('yes')",
        '  async t(): Promise<void> {}',
        '}',
        '',
      ].join('\n'),
    );
    const result = await compile('4.9', '16', 'bad', [bad], { rootDir: work });
    expect(result.code).not.toBe(0);
    expect(result.output).toMatch(
      /error TS2345: Argument of type '"yes"' is not assignable to parameter of type 'boolean/,
    );
  });
});
