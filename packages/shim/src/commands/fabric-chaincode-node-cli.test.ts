import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { runFabricChaincodeNodeCli } from './fabric-chaincode-node-cli';

const jsTemplate = resolve(__dirname, '..', '..', '..', '..', 'templates', 'javascript');

async function run(argv: string[], cwd = jsTemplate): Promise<{ stdout: string; error?: unknown }> {
  let stdout = '';
  try {
    await runFabricChaincodeNodeCli({
      argv,
      env: {},
      cwd,
      stdout: (t) => (stdout += t),
    });
    return { stdout };
  } catch (error) {
    return { stdout, error };
  }
}

describe('fabric-chaincode-node (drop-in bin of @chaincode/shim)', () => {
  it('offers start, server and metadata', async () => {
    const { stdout } = await run(['--help']);
    expect(stdout).toContain('fabric-chaincode-node start');
    expect(stdout).toContain('fabric-chaincode-node server');
    expect(stdout).toContain('fabric-chaincode-node metadata');
  });

  it('answers -v with the version', async () => {
    expect((await run(['-v'])).stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('metadata generate prints the module metadata (cwd as the default module path)', async () => {
    const { stdout, error } = await run(['metadata', 'generate']);
    expect(error).toBeUndefined();
    expect(Object.keys(JSON.parse(stdout).contracts)).toContain('AssetContract');
  });

  it('metadata generate resolves --module-path and --file against its cwd', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'fcn-cli-'));
    try {
      const { stdout, error } = await run(
        ['metadata', 'generate', '--module-path', relative(cwd, jsTemplate), '--file', 'out/meta'],
        cwd,
      );
      expect(error).toBeUndefined();
      expect(stdout).toBe(`metadata written to ${join(cwd, 'out', 'meta.json')}\n`);
      const written = JSON.parse(readFileSync(join(cwd, 'out', 'meta.json'), 'utf8')) as { contracts: object };
      expect(Object.keys(written.contracts)).toContain('AssetContract');
    } finally {
      rmSync(cwd, { recursive: true, force: true });
    }
  });

  it("server wants a key and a certificate once a TLS flag is given (the rule is the options module's)", async () => {
    const { error } = await run([
      'server',
      '--chaincode-address',
      '127.0.0.1:0',
      '--chaincode-id',
      'x:1',
      '--chaincode-tls-cert-file',
      join(jsTemplate, 'package.json'),
    ]);
    expect(error).toMatchObject({
      code: 'CC_SHIM_INVALID_OPTIONS',
      message: expect.stringMatching(/^a TLS option is set but no key: give --chaincode-tls-key-file/),
    });
  });

  it('start without the required options says what is missing', async () => {
    const { error } = await run(['start']);
    expect(error).toMatchObject({
      code: 'CC_SHIM_INVALID_OPTIONS',
      message: '--peer.address (or CORE_PEER_ADDRESS) is required',
    });
  });

  it('a flag without its value is a usage error', async () => {
    const { error } = await run(['start', '--peer.address']);
    expect(error).toMatchObject({ code: 'CC_SHIM_USAGE', message: 'Not enough arguments following: peer.address' });
  });

  it('tolerates flags it does not know, as the official bin does', async () => {
    const { error } = await run(['start', '--whatever', 'x', '--peer.address', 'nope']);
    expect(error).toMatchObject({ code: 'CC_SHIM_INVALID_OPTIONS', message: expect.stringContaining('has no port') });
  });

  it('needs a command', async () => {
    expect((await run([])).error).toMatchObject({
      code: 'CC_SHIM_USAGE',
      message: expect.stringMatching(/Name a command/),
    });
  });
});
