import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { errorMessage } from '@chaincode/contract-api/internal';
import type { CliContext } from '../../context';
import { CliError } from '../../errors/cli-error';
import { defaultLabel, NPM_NAME, plainName } from '../../project/names';
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
const SKIPPED = new Set(['node_modules', 'dist', 'coverage', '.chaincode', '.chaincode-dev.json', 'package-lock.json']);
/** npm pack drops dotfiles such as .gitignore, so templates store them without the dot. */
const RENAMED: Readonly<Record<string, string>> = { gitignore: '.gitignore' };

const SEMVER = /^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$/;
/** The version every template's own package.json carries, and so its README's package file name. */
const TEMPLATE_VERSION = '1.0.0';

/** `chaincode init`: copy a template into `dir`, named and versioned as asked. */
export async function initProject(ctx: CliContext, options: InitOptions): Promise<InitResult> {
  const target = resolve(ctx.cwd, options.dir);
  const templatesDir = options.templatesDir ?? templatesRoot();
  const { files, templateNames } = templateFiles(templatesDir, options.template);
  const templatePackage = readPackageJson(join(templatesDir, options.template, 'package.json'));
  checkTarget(target);
  const name = options.name ?? basename(target).toLowerCase();
  if (name.length > 214 || !NPM_NAME.test(name)) {
    throw new CliError(
      'CC_CLI_INVALID_ARGUMENT',
      `"${name}" is not a valid npm package name (lower case letters, digits, - . _ ~, an optional @scope/); pass --name`,
    );
  }
  if (options.version !== undefined && !SEMVER.test(options.version)) {
    throw new CliError('CC_CLI_INVALID_ARGUMENT', `"${options.version}" is not a semantic version such as 1.0.0`);
  }
  const rename = renamer(templateNames, name, options.version ?? TEMPLATE_VERSION);

  const written: string[] = [];
  for (const [file, layerDir] of files) {
    const outName = join(dirname(file), RENAMED[basename(file)] ?? basename(file));
    const content =
      file === 'package.json'
        ? renderPackageJson(templatePackage, { ...options, name }, rename)
        : rename(readFileSync(join(layerDir, file), 'utf8'), file === 'README.md');
    await writeProjectFile(join(target, outName), content);
    written.push(outName);
  }
  return { dir: target, name, files: written.sort() };
}

/** Refuse a file, or a directory that is not empty; a missing directory is created. */
function checkTarget(target: string): void {
  if (!existsSync(target)) return;
  if (!statSync(target).isDirectory()) {
    throw new CliError('CC_CLI_TARGET_EXISTS', `${target} is a file, not a directory; choose a new directory name`);
  }
  if (readdirSync(target).length > 0) {
    throw new CliError('CC_CLI_TARGET_EXISTS', `${target} already exists and is not empty; choose a new directory`);
  }
}

async function writeProjectFile(path: string, content: string): Promise<void> {
  try {
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, content);
  } catch (err) {
    const code = (err as { code?: unknown }).code;
    const reason = code === 'ENOTDIR' || code === 'EEXIST' ? 'a part of the path is a file' : errorMessage(err);
    throw new CliError('CC_CLI_FILE_ERROR', `cannot create ${path}: ${reason}`, { cause: err });
  }
}

/**
 * What replaces a template's own name in a copied file: `<template>_1.0.0` (its package file) is
 * the project's label; a README's title is the npm name; every other mention (image, host and
 * chaincode names) is the plain name, so a scoped name still makes a valid image name.
 */
function renamer(
  templateNames: readonly string[],
  name: string,
  version: string,
): (text: string, isReadme: boolean) => string {
  const label = defaultLabel(name, version);
  const plain = plainName(name);
  return (text, isReadme) => {
    let out = text;
    for (const templateName of templateNames) {
      if (isReadme) out = out.split(`# ${templateName}\n`).join(`# ${name}\n`);
      out = out.split(`${templateName}_${TEMPLATE_VERSION}`).join(label);
      out = out.split(templateName).join(plain);
    }
    return out;
  };
}

/**
 * The files of a template, each with the directory it comes from: an overlay's base first, then the
 * overlay's own files (same path: the overlay wins). Also the template package names, replaced by the
 * project's names in every copied file.
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
  // the longest first, so that one name containing another is replaced whole
  return { files, templateNames: templateNames.sort((a, b) => b.length - a.length) };
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

function renderPackageJson(
  template: PackageJson,
  options: InitOptions & { name: string },
  rename: (text: string, isReadme: boolean) => string,
): string {
  const pkg: PackageJson = { ...template, name: options.name };
  if (options.version !== undefined) pkg.version = options.version;
  if (options.author !== undefined) pkg.author = options.author;
  if (options.license !== undefined) pkg.license = options.license;
  if (typeof template.scripts === 'object' && template.scripts !== null) {
    pkg.scripts = Object.fromEntries(
      Object.entries(template.scripts as Record<string, unknown>).map(([script, command]) => [
        script,
        typeof command === 'string' ? rename(command, false) : command,
      ]),
    );
  }
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
    '  npm run dev        # try its transactions at a prompt; redeploys when you save',
  ];
  if (template === 'ccaas') {
    lines.push('  npm run package    # chaincode-as-a-service package (connection.json) and its package id');
    lines.push(`  docker build -t ${plainName(result.name)} .   # the service image: chaincode server on :9999`);
  } else {
    lines.push('  npm run package    # Fabric chaincode package (type node) and its package id');
  }
  return lines.join('\n') + '\n';
}
