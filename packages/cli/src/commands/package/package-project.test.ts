import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CliContext } from '../../context';
import { cc, failure, fixtures, jsTemplate, useTempDir } from '../../test-utils/run-cc';
import { packageChaincode } from './package';

// `chaincode package` on real projects: the module check, the ignore file, file: dependencies,
// --bundle, an existing package, connection.json.
const tempDir = useTempDir('cc-package-project-');
let progress = '';
const ctx = (): CliContext => ({
  cwd: tempDir(),
  env: {},
  stdout: { write: () => true },
  stderr: { write: (t: string) => (progress += t) },
});

beforeEach(() => {
  progress = '';
});

function codeFiles(file: string): string[] {
  const out = join(tempDir(), 'unpacked');
  mkdirSync(out, { recursive: true });
  execFileSync('tar', ['-xzf', file, '-C', out]);
  return execFileSync('tar', ['-tzf', join(out, 'code.tar.gz')])
    .toString()
    .trim()
    .split('\n');
}

function codeFileBytes(file: string, path: string): Buffer {
  const out = join(tempDir(), 'unpacked-bytes');
  mkdirSync(out, { recursive: true });
  execFileSync('tar', ['-xzf', file, '-C', out]);
  return execFileSync('tar', ['-xzOf', join(out, 'code.tar.gz'), path]);
}

function codeFile(file: string, path: string): string {
  const out = join(tempDir(), 'unpacked-file');
  mkdirSync(out, { recursive: true });
  execFileSync('tar', ['-xzf', file, '-C', out]);
  return execFileSync('tar', ['-xzOf', join(out, 'code.tar.gz'), path]).toString();
}

/** The JavaScript template, as a project of the test's directory. */
function jsProject(name = 'assets'): string {
  const project = join(tempDir(), name);
  cpSync(jsTemplate, project, { recursive: true, filter: (p) => !p.includes('node_modules') });
  return project;
}

function writeJson(file: string, value: unknown): void {
  writeFileSync(file, JSON.stringify(value, null, 2));
}

function readJson(file: string): Record<string, unknown> {
  return JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
}

describe('the module check of a node package', () => {
  it('packages a module that loads, exports contracts and has valid metadata', async () => {
    jsProject();
    const result = await packageChaincode(ctx(), { dir: 'assets', type: 'node' });
    expect(result.label).toBe('asset-transfer-javascript_1.0.0');
  });

  it('fails with the reason when the module does not load', async () => {
    cpSync(join(fixtures, 'throws-on-load'), join(tempDir(), 'broken'), { recursive: true });
    const { line, code } = failure(await cc(['package', 'broken', '--type', 'node'], { cwd: tempDir() }));
    expect(line).toBe(
      `chaincode: cannot load the contract module in ${join(tempDir(), 'broken')}: database URL is not configured`,
    );
    expect(code).toBe(1);
  });

  it('fails when the module exports no contract', async () => {
    cpSync(join(fixtures, 'no-contracts'), join(tempDir(), 'empty'), { recursive: true });
    expect(failure(await cc(['package', 'empty', '--type', 'node'], { cwd: tempDir() })).line).toMatch(
      /^chaincode: No contracts exported by index\.js/,
    );
  });

  it('fails when the metadata file is invalid', async () => {
    const project = jsProject();
    const file = join(project, 'contract-metadata', 'metadata.json');
    const metadata = readJson(file);
    delete metadata.info;
    writeJson(file, metadata);
    expect(failure(await cc(['package', 'assets', '--type', 'node'], { cwd: tempDir() })).line).toMatch(
      /^chaincode: cannot load the contract module in .*: Contract metadata .* does not match the schema: must have required property 'info'/,
    );
  });

  it('fails, naming each one, when a parameter schema cannot be compiled (the chaincode would compile it on first call)', async () => {
    const project = jsProject();
    const file = join(project, 'contract-metadata', 'metadata.json');
    const metadata = readJson(file) as {
      contracts: Record<string, { transactions: { name: string; parameters?: { schema?: unknown }[] }[] }>;
    };
    const contract = Object.values(metadata.contracts)[0];
    const read = contract?.transactions.find((t) => t.name === 'ReadAsset')?.parameters?.[0];
    if (read === undefined) throw new Error('the template has no ReadAsset parameter');
    read.schema = { $ref: '#/components/schemas/Asest' };
    writeJson(file, metadata);
    const { line, code } = failure(await cc(['package', 'assets', '--type', 'node'], { cwd: tempDir() }));
    expect(line).toMatch(
      /^chaincode: the contract module in .*assets has a parameter that cannot be checked: Unable to use parameter 'id' of transaction 'ReadAsset' in contract '.*': .*Asest/,
    );
    expect(code).toBe(1);
  });

  it('fails when a TypeScript project was not built', async () => {
    const project = join(tempDir(), 'ts');
    mkdirSync(project);
    writeJson(join(project, 'package.json'), { name: 'ts', version: '1.0.0', main: 'dist/index.js' });
    expect(failure(await cc(['package', 'ts', '--type', 'node'], { cwd: tempDir() })).line).toMatch(
      /its main dist\/index\.js does not exist \(build the project first/,
    );
  });
});

describe('what a node package leaves out', () => {
  it('tests, env files, editor folders and coverage by default; more with .chaincodeignore', async () => {
    const project = jsProject();
    for (const dir of ['.vscode', 'coverage', 'docs', '.idea']) mkdirSync(join(project, dir));
    writeFileSync(join(project, '.vscode', 'settings.json'), '{}');
    writeFileSync(join(project, '.idea', 'workspace.xml'), '<x/>');
    writeFileSync(join(project, 'coverage', 'lcov.info'), 'x');
    writeFileSync(join(project, 'docs', 'notes.md'), 'x');
    writeFileSync(join(project, '.env'), 'SECRET=1');
    writeFileSync(join(project, '.env.example'), 'SECRET=');
    writeFileSync(join(project, 'lib', 'asset.test.js'), '');
    writeFileSync(join(project, '.chaincodeignore'), '# ours\ndocs/\ntransactions.txt\n!.env.example\n');
    const result = await packageChaincode(ctx(), { dir: 'assets', type: 'node' });
    expect(codeFiles(result.file)).toEqual([
      'src/.dockerignore',
      'src/.env.example',
      'src/Dockerfile',
      'src/README.md',
      'src/contract-metadata/metadata.json',
      'src/gitignore',
      'src/index.js',
      'src/jest.config.js',
      'src/lib/asset-contract.js',
      'src/lib/asset.js',
      'src/package.json',
    ]);
  });
});

describe('file: dependencies of a node package', () => {
  it('ships those inside the project, even where an ignore rule matches', async () => {
    const project = jsProject();
    mkdirSync(join(project, 'vendor', 'helper'), { recursive: true });
    writeJson(join(project, 'vendor', 'helper', 'package.json'), { name: 'helper', version: '1.0.0' });
    writeFileSync(join(project, 'vendor', 'helper', 'index.js'), 'module.exports = 1;');
    mkdirSync(join(project, '.chaincode', 'packages'), { recursive: true });
    writeFileSync(join(project, '.chaincode', 'packages', 'lib-1.0.0.tgz'), 'tarball');
    writeFileSync(join(project, '.chaincodeignore'), 'vendor/\n.chaincode/\n');
    const pkg = readJson(join(project, 'package.json'));
    pkg.dependencies = { ...(pkg.dependencies as object), helper: 'file:vendor/helper' };
    pkg.overrides = { lib: 'file:.chaincode/packages/lib-1.0.0.tgz' };
    writeJson(join(project, 'package.json'), pkg);
    const files = codeFiles((await packageChaincode(ctx(), { dir: 'assets', type: 'node' })).file);
    expect(files).toEqual(
      expect.arrayContaining([
        'src/vendor/helper/package.json',
        'src/vendor/helper/index.js',
        'src/.chaincode/packages/lib-1.0.0.tgz',
      ]),
    );
  });

  it('refuses a production dependency outside the project, naming it and --bundle', async () => {
    const project = jsProject();
    const pkg = readJson(join(project, 'package.json'));
    pkg.dependencies = { ...(pkg.dependencies as object), shared: 'file:../shared' };
    writeJson(join(project, 'package.json'), pkg);
    const { line } = failure(await cc(['package', 'assets', '--type', 'node'], { cwd: tempDir() }));
    expect(line).toBe(
      `chaincode: shared (dependencies: file:../shared) points outside ${project}, where a peer's npm install cannot find it; ` +
        'package with --bundle to ship the installed dependencies, or move them into the project',
    );
  });

  it('lets a devDependency point outside when package-lock.json is shipped (the peer runs npm ci --omit=dev)', async () => {
    const project = jsProject();
    const pkg = readJson(join(project, 'package.json'));
    pkg.devDependencies = { ...(pkg.devDependencies as object), tools: 'file:../tools.tgz' };
    writeJson(join(project, 'package.json'), pkg);
    await expect(packageChaincode(ctx(), { dir: 'assets', type: 'node' })).rejects.toMatchObject({
      code: 'CC_CLI_DEPENDENCY_OUTSIDE',
    });
    writeJson(join(project, 'package-lock.json'), { lockfileVersion: 3 });
    const files = codeFiles((await packageChaincode(ctx(), { dir: 'assets', type: 'node' })).file);
    expect(files).toContain('src/package-lock.json');
  });
});

describe('--bundle', () => {
  /** node_modules as npm would lay it out: a (needs c), a link b → ../b-src, a devDependency d. */
  function installed(project: string): void {
    const module = (dir: string, manifest: Record<string, unknown>): void => {
      mkdirSync(dir, { recursive: true });
      writeJson(join(dir, 'package.json'), manifest);
      writeFileSync(join(dir, 'index.js'), `module.exports = ${JSON.stringify(manifest.name)};`);
    };
    const modules = join(project, 'node_modules');
    module(join(modules, 'a'), { name: 'a', version: '1.2.0', dependencies: { c: '^2.0.0' } });
    module(join(modules, 'a', 'node_modules', 'c'), { name: 'c', version: '2.1.0' });
    module(join(modules, 'c'), { name: 'c', version: '3.0.0' });
    module(join(tempDir(), 'b-src'), { name: 'b', version: '0.3.0', dependencies: { c: '^3.0.0' } });
    symlinkSync(join(tempDir(), 'b-src'), join(modules, 'b'), 'dir');
    module(join(modules, 'd'), { name: 'd', version: '1.0.0' });
    module(join(modules, '@chaincode', 'contract-api'), { name: '@chaincode/contract-api', version: '0.1.0' });
    module(join(modules, '@chaincode', 'shim'), { name: '@chaincode/shim', version: '0.1.0' });
    writeFileSync(join(modules, '.package-lock.json'), '{}');
  }

  it('ships each installed production dependency as a tarball, and a lockfile that resolves them there', async () => {
    const project = jsProject();
    installed(project);
    mkdirSync(join(project, '.chaincode', 'packages'), { recursive: true });
    writeFileSync(join(project, '.chaincode', 'packages', 'chaincode-shim-0.1.0.tgz'), 'tarball');
    writeJson(join(project, 'package-lock.json'), { lockfileVersion: 3 });
    const pkg = readJson(join(project, 'package.json'));
    pkg.dependencies = {
      '@chaincode/contract-api': '^0.1.0',
      '@chaincode/shim': 'file:.chaincode/packages/chaincode-shim-0.1.0.tgz',
      a: '^1.0.0',
      b: 'file:../b-src',
    };
    pkg.devDependencies = { d: '^1.0.0' };
    pkg.overrides = { '@chaincode/shim': 'file:.chaincode/packages/chaincode-shim-0.1.0.tgz' };
    writeJson(join(project, 'package.json'), pkg);

    const result = await packageChaincode(ctx(), { dir: 'assets', type: 'node', bundle: true, skipModuleCheck: true });
    expect(result.bundled.map((p) => `${p.path} ${p.tarball}`)).toEqual([
      'node_modules/@chaincode/contract-api .chaincode/bundle/@chaincode+contract-api-0.1.0.tgz',
      'node_modules/@chaincode/shim .chaincode/bundle/@chaincode+shim-0.1.0.tgz',
      'node_modules/a .chaincode/bundle/a-1.2.0.tgz',
      'node_modules/a/node_modules/c .chaincode/bundle/c-2.1.0.tgz',
      'node_modules/b .chaincode/bundle/b-0.3.0.tgz',
      'node_modules/c .chaincode/bundle/c-3.0.0.tgz',
    ]);
    expect(progress).toContain('Bundling the production dependencies of');
    expect(progress).toMatch(/Bundled 6 packages \([\d.]+ MB\) into \.chaincode\/bundle/);
    const files = codeFiles(result.file);
    expect(files.filter((f) => f.startsWith('src/.chaincode/') || f.includes('node_modules'))).toEqual([
      'src/.chaincode/bundle/@chaincode+contract-api-0.1.0.tgz',
      'src/.chaincode/bundle/@chaincode+shim-0.1.0.tgz',
      'src/.chaincode/bundle/a-1.2.0.tgz',
      'src/.chaincode/bundle/b-0.3.0.tgz',
      'src/.chaincode/bundle/c-2.1.0.tgz',
      'src/.chaincode/bundle/c-3.0.0.tgz',
    ]);
    const shipped = JSON.parse(codeFile(result.file, 'src/package.json')) as Record<string, unknown>;
    expect(shipped.devDependencies).toBeUndefined();
    expect(shipped.overrides).toBeUndefined();
    expect(shipped.dependencies).toEqual({
      '@chaincode/contract-api': '^0.1.0',
      '@chaincode/shim': 'file:.chaincode/bundle/@chaincode+shim-0.1.0.tgz',
      a: '^1.0.0',
      b: 'file:.chaincode/bundle/b-0.3.0.tgz',
    });
    const lock = JSON.parse(codeFile(result.file, 'src/package-lock.json')) as {
      packages: Record<string, Record<string, unknown>>;
    };
    expect(Object.keys(lock.packages)).toEqual(['', ...result.bundled.map((p) => p.path)]);
    expect(lock.packages['']).toMatchObject({ name: 'asset-transfer-javascript', dependencies: shipped.dependencies });
    expect(lock.packages['node_modules/a/node_modules/c']).toMatchObject({
      version: '2.1.0',
      resolved: 'file:.chaincode/bundle/c-2.1.0.tgz',
      integrity: expect.stringMatching(/^sha512-/),
    });
    // a tarball holds the package under package/, as npm pack makes it
    const tarball = join(tempDir(), 'b.tgz');
    writeFileSync(tarball, Buffer.from(codeFileBytes(result.file, 'src/.chaincode/bundle/b-0.3.0.tgz')));
    expect(execFileSync('tar', ['-tzf', tarball]).toString().trim().split('\n')).toEqual([
      'package/index.js',
      'package/package.json',
    ]);
  });

  it('says what is missing from node_modules', async () => {
    jsProject();
    await expect(
      packageChaincode(ctx(), { dir: 'assets', type: 'node', bundle: true, skipModuleCheck: true }),
    ).rejects.toMatchObject({
      code: 'CC_CLI_BUNDLE_FAILED',
      message: '@chaincode/contract-api (needed by the project) is not installed; run npm install, then package again',
    });
  });
});

describe('an existing package at the output path', () => {
  it('is left alone when it is the same, refused when it differs, replaced with --force', async () => {
    const project = jsProject();
    const first = await cc(['package', 'assets', '--type', 'node'], { cwd: tempDir() });
    expect(first.stdout).toMatch(/^Wrote /);
    const again = await cc(['package', 'assets', '--type', 'node'], { cwd: tempDir() });
    expect(again.stdout).toMatch(/already holds this package \(unchanged\)/);
    writeFileSync(join(project, 'index.js'), readFileSync(join(project, 'index.js'), 'utf8') + '\n// changed\n');
    const { line } = failure(await cc(['package', 'assets', '--type', 'node'], { cwd: tempDir() }));
    expect(line).toBe(
      `chaincode: ${join(tempDir(), 'asset-transfer-javascript_1.0.0.tar.gz')} already holds a different package labelled asset-transfer-javascript_1.0.0; ` +
        'raise the version (or --label), choose another --output, or pass --force to replace it',
    );
    const forced = await cc(['package', 'assets', '--type', 'node', '--force'], { cwd: tempDir() });
    expect(forced.error).toBeUndefined();
    expect(forced.stdout).toMatch(/^Wrote /);
  });
});

describe('ccaas and connection.json', () => {
  it("uses the project's connection.json; flags override its fields", async () => {
    const project = join(tempDir(), 'svc');
    mkdirSync(project);
    writeJson(join(project, 'package.json'), { name: '@acme/svc', version: '2.0.0' });
    writeJson(join(project, 'connection.json'), {
      address: 'svc.example.com:9999',
      dial_timeout: '5s',
      tls_required: false,
    });
    const plain = await packageChaincode(ctx(), { dir: 'svc', type: 'ccaas', output: 'a.tar.gz' });
    expect(JSON.parse(codeFile(plain.file, 'connection.json'))).toEqual({
      address: 'svc.example.com:9999',
      dial_timeout: '5s',
      tls_required: false,
    });
    const moved = await packageChaincode(ctx(), {
      dir: 'svc',
      type: 'ccaas',
      address: 'other:7000',
      output: 'b.tar.gz',
    });
    expect(JSON.parse(codeFile(moved.file, 'connection.json'))).toMatchObject({
      address: 'other:7000',
      dial_timeout: '5s',
    });
  });

  it('refuses a connection.json that is not an object with a host:port address', async () => {
    const project = join(tempDir(), 'svc');
    mkdirSync(project);
    writeJson(join(project, 'package.json'), { name: 'svc', version: '1.0.0' });
    writeFileSync(join(project, 'connection.json'), '[1]');
    await expect(packageChaincode(ctx(), { dir: 'svc', type: 'ccaas' })).rejects.toThrow(/must hold a JSON object/);
    writeJson(join(project, 'connection.json'), { address: 'nohost' });
    await expect(packageChaincode(ctx(), { dir: 'svc', type: 'ccaas' })).rejects.toThrow(
      'the address "nohost" is not host:port',
    );
  });
});
