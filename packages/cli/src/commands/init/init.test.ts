import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CliContext } from '../../context';
import { initProject, nextSteps } from './init';
import { TEMPLATE_NAMES, templatesRoot } from './template-dir';

let dir: string;
const sink = { write: (): boolean => true };
const ctx = (): CliContext => ({ cwd: dir, env: {}, stdout: sink, stderr: sink });

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'cc-init-'));
});

afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('chaincode init', () => {
  it('finds the repository templates', () => {
    for (const name of TEMPLATE_NAMES) expect(existsSync(join(templatesRoot(), name, 'package.json'))).toBe(true);
  });

  it.each(TEMPLATE_NAMES)('scaffolds the %s template, named and versioned', async (template) => {
    const result = await initProject(ctx(), {
      dir: 'my-contract',
      template,
      version: '0.3.0',
      author: 'Ana <ana@example.com>',
      license: 'MIT',
    });
    expect(result.name).toBe('my-contract');
    const root = join(dir, 'my-contract');
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
    expect(pkg).toMatchObject({
      name: 'my-contract',
      version: '0.3.0',
      author: 'Ana <ana@example.com>',
      license: 'MIT',
    });
    expect(pkg.scripts.start).toBe('cc-start');
    expect(pkg.scripts.test).toBeDefined();
    for (const file of ['.gitignore', 'Dockerfile', 'README.md']) expect(result.files).toContain(file);
    expect(result.files).not.toContain('gitignore');
    expect(result.files.some((f) => f.startsWith('node_modules') || f.startsWith('dist'))).toBe(false);
    expect(result.files.some((f) => /\.test\.(ts|js)$/.test(f))).toBe(true);
    // the template's own package name is replaced everywhere
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    expect(readme).toContain('my-contract');
    expect(readme).not.toMatch(/asset-transfer-(typescript|javascript|private-data|ccaas)/);
  });

  it('writes the ccaas extras: connection.json and a server Dockerfile', async () => {
    await initProject(ctx(), { dir: 'svc', template: 'ccaas' });
    const connection = JSON.parse(readFileSync(join(dir, 'svc', 'connection.json'), 'utf8'));
    expect(connection).toMatchObject({ address: 'svc:9999', dial_timeout: '10s', tls_required: false });
    expect(readFileSync(join(dir, 'svc', 'Dockerfile'), 'utf8')).toContain('server');
  });

  it('composes ccaas from the typescript template: same sources and tests, its own service files', async () => {
    const ts = await initProject(ctx(), { dir: 'ts', template: 'typescript' });
    const svc = await initProject(ctx(), { dir: 'svc', template: 'ccaas' });
    expect(svc.files).toEqual([...ts.files, 'connection.json'].sort());
    for (const file of ['src/asset-contract.ts', 'test/asset-contract.test.ts', 'tsconfig.json', 'jest.config.js']) {
      expect(readFileSync(join(dir, 'svc', file), 'utf8')).toBe(readFileSync(join(dir, 'ts', file), 'utf8'));
    }
    for (const file of ['Dockerfile', 'README.md', 'package.json']) {
      expect(readFileSync(join(dir, 'svc', file), 'utf8')).not.toBe(readFileSync(join(dir, 'ts', file), 'utf8'));
    }
    const pkg = JSON.parse(readFileSync(join(dir, 'svc', 'package.json'), 'utf8'));
    expect(pkg.scripts).toMatchObject({
      server: 'fabric-chaincode-node server',
      package: 'chaincode package . --type ccaas',
    });
    expect(pkg.description).toContain('CCaaS');
  });

  it('reports a missing template, or an overlay whose base is missing, as FILE_ERROR', async () => {
    const templatesDir = join(dir, 'templates');
    mkdirSync(join(templatesDir, 'ccaas'), { recursive: true });
    writeFileSync(join(templatesDir, 'ccaas', 'package.json'), '{"name":"asset-transfer-ccaas"}');
    await expect(initProject(ctx(), { dir: 'a', template: 'ccaas', templatesDir })).rejects.toMatchObject({
      code: 'CC_CLI_FILE_ERROR',
      message: expect.stringContaining('template typescript not found'),
    });
    await expect(initProject(ctx(), { dir: 'b', template: 'javascript', templatesDir })).rejects.toMatchObject({
      code: 'CC_CLI_FILE_ERROR',
      message: expect.stringContaining('template javascript not found'),
    });
  });

  it('keeps the template defaults when no options are given', async () => {
    await initProject(ctx(), { dir: 'plain', template: 'typescript' });
    const pkg = JSON.parse(readFileSync(join(dir, 'plain', 'package.json'), 'utf8'));
    expect(pkg).toMatchObject({ name: 'plain', version: '1.0.0', license: 'Apache-2.0' });
  });

  it('refuses a directory that is not empty', async () => {
    mkdirSync(join(dir, 'busy'));
    writeFileSync(join(dir, 'busy', 'file'), 'x');
    await expect(initProject(ctx(), { dir: 'busy', template: 'typescript' })).rejects.toMatchObject({
      code: 'CC_CLI_TARGET_EXISTS',
    });
  });

  it('refuses names npm would refuse, and versions that are not semver', async () => {
    await expect(initProject(ctx(), { dir: 'x', template: 'typescript', name: 'My Contract' })).rejects.toThrow(
      /not a valid npm package name/,
    );
    await expect(initProject(ctx(), { dir: 'Caps', template: 'typescript' })).resolves.toMatchObject({ name: 'caps' });
    await expect(initProject(ctx(), { dir: 'y', template: 'typescript', version: 'one' })).rejects.toThrow(
      /not a semantic version/,
    );
  });

  it('refuses a target that is a file, or inside a file, with a clear message', async () => {
    writeFileSync(join(dir, 'taken'), 'x');
    await expect(initProject(ctx(), { dir: 'taken', template: 'javascript' })).rejects.toMatchObject({
      code: 'CC_CLI_TARGET_EXISTS',
      message: `${join(dir, 'taken')} is a file, not a directory; choose a new directory name`,
    });
    await expect(initProject(ctx(), { dir: 'taken/inner', template: 'javascript' })).rejects.toMatchObject({
      code: 'CC_CLI_FILE_ERROR',
      message: expect.stringMatching(/^cannot create .*taken\/inner\/.*: a part of the path is a file$/),
    });
  });

  it('makes valid image, host and chaincode names from a scoped package name', async () => {
    await initProject(ctx(), { dir: 'svc', template: 'ccaas', name: '@acme/asset.cc', version: '2.1.0' });
    const root = join(dir, 'svc');
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
    expect(pkg.name).toBe('@acme/asset.cc');
    expect(JSON.parse(readFileSync(join(root, 'connection.json'), 'utf8')).address).toBe('asset-cc:9999');
    const dockerfile = readFileSync(join(root, 'Dockerfile'), 'utf8');
    expect(dockerfile).toContain('docker build -t asset-cc .');
    expect(dockerfile).toContain('docker run --name asset-cc ');
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    expect(readme.split('\n')[0]).toBe('# @acme/asset.cc');
    expect(readme).toContain('peer lifecycle chaincode install asset.cc_2.1.0.tar.gz');
    expect(readme).not.toMatch(/@acme\/asset\.cc[_:]|docker \w+ [^\n]*@acme/);
  });

  it("puts the project's names in package.json scripts too", async () => {
    const template = join(dir, 'templates', 'typescript');
    mkdirSync(template, { recursive: true });
    writeFileSync(
      join(template, 'package.json'),
      JSON.stringify({
        name: 'tpl-name',
        scripts: { image: 'docker build -t tpl-name .', up: 'run tpl-name_1.0.0.tar.gz' },
      }),
    );
    await initProject(ctx(), { dir: 'p', template: 'typescript', name: '@x/y', templatesDir: join(dir, 'templates') });
    expect(JSON.parse(readFileSync(join(dir, 'p', 'package.json'), 'utf8')).scripts).toEqual({
      image: 'docker build -t y .',
      up: 'run y_1.0.0.tar.gz',
    });
  });

  it('prints the next commands', async () => {
    const result = await initProject(ctx(), { dir: 'next', template: 'ccaas' });
    const text = nextSteps(ctx(), result, 'ccaas');
    expect(text).toContain('cd next');
    expect(text).toContain('npm test');
    expect(text).toContain('npm run package');
  });
});
