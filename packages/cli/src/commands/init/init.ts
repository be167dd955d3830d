import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { CliError } from '../../errors/cli-error';
import type { CliContext } from '../../context';
import { TEMPLATE_BASES, templatesRoot, type TemplateName } from './template-dir';

export interface InitOptions {
  readonly dir: string;
  readonly template: TemplateName;
  readonly name?: string;
  readonly version?: string;
  readonly author?: string;
  readonly license?: string;
  /** Templates directory (tests); default: the one shipped with the CLI. */
  readonly templatesDir?: string;
}

export interface InitResult {
  readonly dir: string;
  readonly name: string;
  readonly files: readonly string[];
}

/** Files and folders of a template that are never copied (build output, installs, local state). */
const SKIPPED = new Set(['node_modules', 'dist', 'coverage', '.cc-dev.json', 'package-lock.json']);
/** npm pack drops dotfiles such as .gitignore, so templates store them without the dot. */
const RENAMED: Readonly<Record<string, string>> = { gitignore: '.gitignore' };

const NPM_NAME = /^(?:@[a-z0-9-~][a-z0-9-._~]*\/)?[a-z0-9-~][a-z0-9-._~]*$/;
const SEMVER = /^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$/;

/** `cc init`: copy a template into `dir`, named and versioned as asked. */
export async function initProject(ctx: CliContext, options: InitOptions): Promise<InitResult> {
  const target = resolve(ctx.cwd, options.dir);
  const templatesDir = options.templatesDir ?? templatesRoot();
  const { files, templateNames } = templateFiles(templatesDir, options.template);
  const templatePackage = readPackageJson(join(templatesDir, options.template, 'package.json'));
  if (existsSync(target) && readdirSync(target).length > 0) {
    throw new CliError('CC_CLI_TARGET_EXISTS', `${target} already exists and is not empty; choose a new directory`);
  }
  const name = options.name ?? basename(target).toLowerCase();
  if (name.length > 214 || !NPM_NAME.test(name)) {
    throw new CliError(
      'CC_CLI_INVALID_ARGUMENT',
      `"${name}" is not a valid npm package name (lower case letters, digits, - . _ ~); pass --name`,
    );
  }
  if (options.version !== undefined && !SEMVER.test(options.version)) {
    throw new CliError('CC_CLI_INVALID_ARGUMENT', `"${options.version}" is not a semantic version such as 1.0.0`);
  }

  const written: string[] = [];
  for (const [file, layerDir] of files) {
    const outName = join(dirname(file), RENAMED[basename(file)] ?? basename(file));
    const outPath = join(target, outName);
    let content = readFileSync(join(layerDir, file), 'utf8');
    if (file === 'package.json') {
      content = renderPackageJson(templatePackage, { ...options, name });
    } else {
      for (const templateName of templateNames) content = content.split(templateName).join(name);
    }
    await mkdir(dirname(outPath), { recursive: true });
    await writeFile(outPath, content);
    written.push(outName);
  }
  return { dir: target, name, files: written.sort() };
}

/**
 * The files of a template, each with the directory it comes from: an overlay's base first, then the
 * overlay's own files (same path: the overlay wins). Also the template package names, replaced by the
 * project's name in every copied file.
 */
function templateFiles(
  templatesDir: string,
  template: TemplateName,
): { files: Map<string, string>; templateNames: string[] } {
  const files = new Map<string, string>();
  const templateNames: string[] = [];
  for (const layer of [TEMPLATE_BASES[template], template]) {
    if (layer === undefined) continue;
    const layerDir = join(templatesDir, layer);
    if (!existsSync(join(layerDir, 'package.json'))) {
      throw new CliError('CC_CLI_FILE_ERROR', `template ${layer} not found in ${templatesDir}`);
    }
    for (const file of listFiles(layerDir)) files.set(file, layerDir);
    const layerName = readPackageJson(join(layerDir, 'package.json')).name;
    if (typeof layerName === 'string') templateNames.push(layerName);
  }
  return { files, templateNames };
}

function listFiles(root: string, dir = root): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir).sort()) {
    if (SKIPPED.has(entry) || entry.endsWith('.tar.gz') || entry.endsWith('.tsbuildinfo')) continue;
    const full = join(dir, entry);
    if (statSync(full).isDirectory()) out.push(...listFiles(root, full));
    else out.push(relative(root, full));
  }
  return out;
}

type PackageJson = Record<string, unknown>;

function readPackageJson(file: string): PackageJson {
  return JSON.parse(readFileSync(file, 'utf8')) as PackageJson;
}

function renderPackageJson(template: PackageJson, options: InitOptions & { name: string }): string {
  const pkg: PackageJson = { ...template, name: options.name };
  if (options.version !== undefined) pkg.version = options.version;
  if (options.author !== undefined) pkg.author = options.author;
  if (options.license !== undefined) pkg.license = options.license;
  return JSON.stringify(pkg, null, 2) + '\n';
}

/** What to type next, printed after a successful init. */
export function nextSteps(ctx: CliContext, result: InitResult, template: TemplateName): string {
  const rel = relative(ctx.cwd, result.dir) || '.';
  const lines = [
    `Created ${result.name} from the ${template} template in ${rel} (${result.files.length} files).`,
    '',
    'Next:',
    `  cd ${rel}`,
    '  npm install',
    '  npm test           # the contract on the embedded dev peer',
    '  npm run dev        # try its transactions at a prompt',
  ];
  if (template === 'ccaas') {
    lines.push('  npm run package    # chaincode-as-a-service package (connection.json) and its package id');
    lines.push('  docker build -t ' + result.name + ' .   # the service image: cc server on :9999');
  } else {
    lines.push('  npm run package    # Fabric chaincode package (type node) and its package id');
  }
  return lines.join('\n') + '\n';
}
