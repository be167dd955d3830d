import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { TEMPLATE_NAMES, type TemplateName } from '@chaincode/cli';

/*
 * Every template as a user gets it: `cc init` from the packed CLI, installed against the workspace
 * packages from `npm pack` tarballs (our packages never come from a registry; third-party ones come
 * from the npm cache that `npm ci` filled, `--prefer-offline`), built with its own `npm run build`,
 * tested with its own `npm test` (the contract on the dev peer), then `cc dev --script
 * transactions.txt` and `npm run package` through the installed bins.
 *
 * To stay within a minute or so on 2 cores, the packages are built and packed once, and one install
 * (the union of the templates' dependencies, which are the same packages) is shared by every
 * scaffolded project through a node_modules symlink.
 */
const repo = resolve(__dirname, '..', '..');
const PACKAGES = ['contract-api', 'shim', 'dev-peer', 'cli'] as const;

let work: string;
let packs: string;
const tarball = (name: string): string => join(packs, `chaincode-${name}-0.1.0.tgz`);

/** The environment of a nested npm: none of the outer `npm test`'s npm_* settings (prefix, workspace...). */
function cleanEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (!/^npm_/i.test(key) && !key.startsWith('CORE_') && key !== 'JEST_WORKER_ID') env[key] = value;
  }
  return { ...env, CI: 'true', NO_UPDATE_NOTIFIER: '1' };
}

function run(command: string, args: string[], cwd: string): Promise<{ code: number | null; output: string }> {
  return new Promise((done) => {
    const child = spawn(command, args, { cwd, env: cleanEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.on('exit', (code) => {
      done({ code, output });
    });
  });
}

async function mustRun(command: string, args: string[], cwd: string): Promise<string> {
  const result = await run(command, args, cwd);
  if (result.code !== 0)
    throw new Error(`${command} ${args.join(' ')} failed (${result.code}) in ${cwd}:\n${result.output}`);
  return result.output;
}

interface PackageJson {
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
  overrides?: Record<string, string>;
  scripts?: Record<string, string>;
  [field: string]: unknown;
}

/** Point @chaincode/* at the tarballs. */
function useTarballs(pkg: PackageJson): void {
  for (const section of ['dependencies', 'devDependencies'] as const) {
    const deps = pkg[section];
    if (deps === undefined) continue;
    for (const name of Object.keys(deps)) {
      if (name.startsWith('@chaincode/')) deps[name] = `file:${tarball(name.slice('@chaincode/'.length))}`;
    }
  }
  pkg.overrides = Object.fromEntries(PACKAGES.map((name) => [`@chaincode/${name}`, `file:${tarball(name)}`]));
}

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'cc-templates-'));
  packs = join(work, 'packs');
  mkdirSync(packs);
  // dist/ must be current: the tarballs hold the built packages
  await mustRun('npm', ['run', 'build', '--silent'], repo);
  await mustRun(
    'npm',
    ['pack', ...PACKAGES.flatMap((p) => ['-w', `packages/${p}`]), '--pack-destination', packs],
    repo,
  );
  expect(readdirSync(packs).sort()).toEqual(PACKAGES.map((p) => `chaincode-${p}-0.1.0.tgz`).sort());

  // one install for all templates: the union of their dependencies
  const shared: PackageJson = { name: 'template-deps', version: '1.0.0', private: true };
  for (const template of TEMPLATE_NAMES) {
    const pkg = JSON.parse(readFileSync(join(repo, 'templates', template, 'package.json'), 'utf8')) as PackageJson;
    shared.dependencies = { ...shared.dependencies, ...pkg.dependencies };
    shared.devDependencies = { ...shared.devDependencies, ...pkg.devDependencies };
  }
  useTarballs(shared);
  mkdirSync(join(work, 'deps'));
  writeFileSync(join(work, 'deps', 'package.json'), JSON.stringify(shared, null, 2));
  await mustRun(
    'npm',
    ['install', '--prefer-offline', '--no-audit', '--no-fund', '--ignore-scripts'],
    join(work, 'deps'),
  );
}, 240000);

afterAll(() => {
  rmSync(work, { recursive: true, force: true });
});

async function scaffold(template: TemplateName): Promise<string> {
  // the installed bin, so the templates shipped inside the @chaincode/cli tarball are the ones used
  const out = await mustRun(
    'npx',
    ['cc', 'init', join('..', template), '--template', template, '--author', 'CI'],
    join(work, 'deps'),
  );
  expect(out).toContain(`Created ${template} from the ${template} template`);
  const project = join(work, template);
  const pkg = JSON.parse(readFileSync(join(project, 'package.json'), 'utf8')) as PackageJson;
  useTarballs(pkg);
  writeFileSync(join(project, 'package.json'), JSON.stringify(pkg, null, 2));
  symlinkSync(join(work, 'deps', 'node_modules'), join(project, 'node_modules'), 'dir');
  return project;
}

describe.each(TEMPLATE_NAMES)('template %s, installed from npm pack tarballs', (template) => {
  it('builds, passes its tests on the dev peer, runs its dev script and packages', async () => {
    const project = await scaffold(template);
    const pkg = JSON.parse(readFileSync(join(project, 'package.json'), 'utf8')) as PackageJson;
    expect(pkg.scripts?.start).toBe('cc-start');

    if (pkg.scripts?.build !== undefined) await mustRun('npm', ['run', 'build'], project);
    const tests = await mustRun('npm', ['test'], project);
    expect(tests).toMatch(/Tests:\s+\d+ passed, \d+ total/);

    const dev = await mustRun('npx', ['cc', 'dev', '--script', 'transactions.txt'], project);
    expect(dev).toContain('all as expected.');

    const packaged = await mustRun('npm', ['run', 'package'], project);
    expect(packaged).toMatch(new RegExp(`Package id: ${template}_1\\.0\\.0:[0-9a-f]{64}`));
  }, 120000);
});
