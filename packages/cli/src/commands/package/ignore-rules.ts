import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ignore from 'ignore';
import { errorMessage } from '@chaincode/contract-api/internal';
import { CliError } from '../../errors/cli-error';

/** The project's ignore file for `chaincode package`, in gitignore syntax. */
export const IGNORE_FILE = '.chaincodeignore';

/**
 * Never in a package, whatever the ignore file says: installs, VCS data, local state and earlier
 * packages. (`--bundle` adds the production part of node_modules itself.)
 */
const ALWAYS = ['node_modules/', '.git/', '.chaincode-dev.json', '*.tar.gz'];

/**
 * Left out unless the ignore file re-includes them (`!test/`): what a peer never runs and what
 * should not leave the developer's machine.
 */
export const DEFAULT_IGNORES = [
  'test/',
  'tests/',
  '__tests__/',
  '*.test.js',
  '*.test.ts',
  '*.spec.js',
  '*.spec.ts',
  'coverage/',
  '.nyc_output/',
  '.env',
  '.env.*',
  '.npmrc',
  '.vscode/',
  '.idea/',
  '*.swp',
  '*~',
  '.DS_Store',
  'Thumbs.db',
  IGNORE_FILE,
];

/** Decides, by a path relative to the project (`/`-separated), whether a file stays out. */
export interface IgnoreRules {
  ignores(path: string, isDirectory: boolean): boolean;
}

/** The defaults, then the project's `.chaincodeignore`, then what can never be packaged. */
export function readIgnoreRules(projectDir: string): IgnoreRules {
  let own = '';
  try {
    own = readFileSync(join(projectDir, IGNORE_FILE), 'utf8');
  } catch (err) {
    if ((err as { code?: unknown }).code !== 'ENOENT') {
      throw new CliError('CC_CLI_FILE_ERROR', `cannot read ${join(projectDir, IGNORE_FILE)}: ${errorMessage(err)}`, {
        cause: err,
      });
    }
  }
  const rules = ignore().add(DEFAULT_IGNORES).add(own).add(ALWAYS);
  return {
    ignores: (path, isDirectory) => rules.ignores(isDirectory ? `${path}/` : path),
  };
}
