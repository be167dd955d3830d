import { resolve } from 'node:path';
import { runCcStart } from './cc-start-cli';

const jsTemplate = resolve(__dirname, '..', '..', '..', '..', 'templates', 'javascript');

async function run(argv: string[], env: Record<string, string> = {}): Promise<{ stdout: string; error?: unknown }> {
  let stdout = '';
  try {
    await runCcStart({
      argv,
      env: { CORE_CHAINCODE_LOGGING_LEVEL: 'critical', ...env },
      cwd: jsTemplate,
      stdout: (t) => (stdout += t),
    });
    return { stdout };
  } catch (error) {
    return { stdout, error };
  }
}

describe('cc-start (the program)', () => {
  it('--help shows its own usage, the flags and where CORE_ variables come in', async () => {
    const { stdout, error } = await run(['--help']);
    expect(error).toBeUndefined();
    expect(stdout).toContain('cc-start --peer.address localhost:7052 --chaincode-id-name mycc:1.0');
    for (const flag of ['--peer.address', '--connect-timeout-ms', '--reconnect-timeout-ms', '--request-timeout-ms']) {
      expect(stdout).toContain(flag);
    }
    expect(stdout).toContain('CORE_PEER_ADDRESS');
  });

  it('-v answers the version', async () => {
    expect((await run(['-v'])).stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('refuses unknown flags and stray arguments as usage errors', async () => {
    expect((await run(['--peer.adress', 'x:1'])).error).toMatchObject({
      code: 'CC_SHIM_USAGE',
      message: 'Unknown argument: peer.adress',
    });
    expect((await run(['start', '--peer.address', 'x:1'])).error).toMatchObject({ code: 'CC_SHIM_USAGE' });
  });

  it('refuses a bare --auto-write-batch as needing a value, and a value other than true or false', async () => {
    const base = ['--peer.address', 'x:1', '--chaincode-id-name', 'cc'];
    expect((await run([...base, '--auto-write-batch'])).error).toMatchObject({
      code: 'CC_SHIM_INVALID_OPTIONS',
      message: '--auto-write-batch needs a value',
    });
    expect((await run(['--auto-write-batch', ...base])).error).toMatchObject({
      message: '--auto-write-batch needs a value',
    });
    expect((await run([...base, '--auto-write-batch', 'on'])).error).toMatchObject({
      code: 'CC_SHIM_INVALID_OPTIONS',
      message: '--auto-write-batch (or CORE_AUTO_WRITE_BATCH) must be true or false, got "on"',
    });
  });

  it('reads required options from CORE_ variables and names both when missing', async () => {
    expect((await run([])).error).toMatchObject({
      code: 'CC_SHIM_INVALID_OPTIONS',
      message: '--peer.address (or CORE_PEER_ADDRESS) is required',
    });
    expect((await run([], { CORE_PEER_ADDRESS: 'p:1' })).error).toMatchObject({
      message: '--chaincode-id-name (or CORE_CHAINCODE_ID_NAME) is required',
    });
  });
});
