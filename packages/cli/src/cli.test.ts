import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describeFailure, EXIT_FAILED, EXIT_USAGE } from './entry';
import { CliError, UsageError } from './errors/cli-error';
import { cliErrorCodes } from './errors/codes';
import { cc, failure, fixtures, jsTemplate, useTempDir } from './test-utils/run-cc';

const tempDir = useTempDir();

describe('parsing', () => {
  it('lists every command in --help', async () => {
    const run = await cc(['--help']);
    expect(run.error).toBeUndefined();
    for (const name of ['start', 'server', 'metadata', 'init', 'package', 'dev', 'invoke', 'query']) {
      expect(run.stdout).toContain(`chaincode ${name}`);
    }
  });

  it('prints the version', async () => {
    const run = await cc(['--version']);
    expect(run.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('shows the official start flags in start --help', async () => {
    const run = await cc(['start', '--help']);
    for (const flag of [
      '--peer.address',
      '--chaincode-id-name',
      '--module-path',
      '--grpc.max_send_message_length',
      '--ssl-target-name-override',
    ]) {
      expect(run.stdout).toContain(flag);
    }
  });

  it('refuses an unknown flag with one line and exit code 2', async () => {
    const { line, code } = failure(await cc(['start', '--peer.adress', 'p:1']));
    expect(line).toBe('chaincode: Unknown argument: peer.adress');
    expect(code).toBe(EXIT_USAGE);
  });

  it('refuses an unknown command, suggesting the closest', async () => {
    const run = await cc(['strat']);
    expect(run.error).toBeInstanceOf(UsageError);
    expect(failure(run).line).toMatch(/Did you mean start\?|Unknown argument: strat/);
  });

  it('refuses conflicting TLS flags on server (one rule for flags and CORE_ variables, in the shim options module)', async () => {
    const both = failure(
      await cc([
        'server',
        '--chaincode-tls-cert-file',
        'a.pem',
        '--chaincode-tls-cert-path',
        'a.b64',
        '--chaincode-tls-key-file',
        'k',
      ]),
    );
    expect(both.line).toBe(
      'chaincode: --chaincode-tls-cert-file (or CORE_CHAINCODE_TLS_CERT_FILE) and --chaincode-tls-cert-path (or CORE_CHAINCODE_TLS_CERT_PATH) conflict: give only one of them',
    );
    expect(both.code).toBe(EXIT_FAILED);
    const keyOnly = failure(await cc(['server', '--chaincode-tls-key-file', 'k.pem']));
    expect(keyOnly.line).toMatch(/^chaincode: a TLS option is set but no certificate/);
    const caOnly = failure(await cc(['server', '--chaincode-tls-client-cacert-file', 'ca.pem']));
    expect(caOnly.line).toMatch(/^chaincode: a TLS option is set but no key/);
  });

  it('takes init --version as the package version, not the CLI version', async () => {
    const run = await cc(['init', 'proj', '--template', 'javascript', '--version', '2.0.0'], { cwd: tempDir() });
    expect(run.error).toBeUndefined();
    expect(JSON.parse(readFileSync(join(tempDir(), 'proj', 'package.json'), 'utf8')).version).toBe('2.0.0');
    expect(run.stdout).toContain('npm test');
  });

  it('refuses an unknown template with the whole reason, not just its first line', async () => {
    const run = await cc(['init', 'x', '--template', 'vue'], { cwd: tempDir() });
    expect(run.error).toBeInstanceOf(UsageError);
    expect(describeFailure(run.error, false)).toBe(
      'chaincode: Invalid values:\n' +
        '  Argument: template, Given: "vue", Choices: "typescript", "javascript", "private-data", "ccaas"\n' +
        'Run chaincode --help (or chaincode <command> --help) for usage.\n',
    );
  });
});

describe('the context', () => {
  it('reads stdin only for chaincode dev, whatever the other arguments say', async () => {
    let reads = 0;
    const run = await cc(['metadata', 'generate', '-p', jsTemplate, '--file', 'dev'], {
      cwd: tempDir(),
      get stdin(): NodeJS.ReadableStream {
        reads++;
        throw new Error('stdin must not be touched');
      },
    });
    expect(run.error).toBeUndefined();
    expect(reads).toBe(0);
  });
});

describe('how failures are reported', () => {
  it('--verbose adds the stack and the cause', async () => {
    const run = await cc(['metadata', 'generate', '--module-path', join(fixtures, 'throws-on-load')]);
    expect(describeFailure(run.error, false)).not.toContain('    at ');
    const verbose = describeFailure(run.error, true);
    expect(verbose).toContain('    at ');
    expect(verbose).toContain('Caused by: Error: database URL is not configured');
  });

  it('an unexpected error says so and points to --verbose', () => {
    expect(describeFailure(new TypeError('x is undefined'), false)).toBe(
      'chaincode: unexpected error: x is undefined\nRun again with --verbose for details.\n',
    );
  });

  it('names the file and line where a contract module throws while loading', async () => {
    const run = await cc(['metadata', 'generate', '--module-path', join(fixtures, 'throws-on-load')]);
    // the whole reason (both lines of the error), then where it was thrown
    expect(describeFailure(run.error, false)).toBe(
      `chaincode: cannot load the contract module in ${join(fixtures, 'throws-on-load')}: database URL is not configured\n` +
        'set DATABASE_URL first\n' +
        `  at ${join(fixtures, 'throws-on-load', 'index.js')}:2:7\n`,
    );
  });

  it('every error of the CLI carries a code of its registry', () => {
    expect(new UsageError('x').code).toBe('CC_CLI_USAGE');
    expect(new CliError('CC_CLI_FILE_ERROR', 'x')).toMatchObject({ name: 'CliError', code: 'CC_CLI_FILE_ERROR' });
    for (const code of Object.keys(cliErrorCodes)) expect(code).toMatch(/^CC_CLI_[A-Z_]+$/);
  });
});
