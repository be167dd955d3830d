import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CliError } from '../../errors/cli-error';
import type { CliContext } from '../../context';
import { cc, failure } from '../../test-utils/run-cc';
import { packageChaincode } from './package';

let dir: string;
const sink = { write: (): boolean => true };
const ctx = (): CliContext => ({ cwd: dir, env: {}, stdout: sink, stderr: sink });

function untar(file: string, into: string): void {
  mkdirSync(into, { recursive: true });
  execFileSync('tar', ['-xzf', file, '-C', into]);
}

function listTar(file: string): string[] {
  return execFileSync('tar', ['-tvzf', file]).toString().trim().split('\n');
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'cc-package-'));
  mkdirSync(join(dir, 'project', 'dist'), { recursive: true });
  mkdirSync(join(dir, 'project', 'node_modules', 'dep'), { recursive: true });
  mkdirSync(join(dir, 'project', '.git'), { recursive: true });
  writeFileSync(
    join(dir, 'project', 'package.json'),
    JSON.stringify({ name: '@acme/asset-cc', version: '1.2.0', main: 'dist/index.js' }),
  );
  writeFileSync(join(dir, 'project', 'dist', 'index.js'), 'module.exports.contracts = [];\n');
  writeFileSync(join(dir, 'project', 'node_modules', 'dep', 'index.js'), '// not packaged\n');
  writeFileSync(join(dir, 'project', '.git', 'HEAD'), 'ref\n');
  writeFileSync(join(dir, 'ca.pem'), '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n');
});

afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('chaincode package --type ccaas', () => {
  it('writes metadata.json and code.tar.gz holding connection.json, and the package id', async () => {
    const result = await packageChaincode(ctx(), {
      dir: 'project',
      type: 'ccaas',
      address: 'asset-cc.example.com:9999',
      tlsRequired: true,
      rootCert: 'ca.pem',
    });
    expect(result.label).toBe('asset-cc_1.2.0');
    expect(result.file).toBe(join(dir, 'asset-cc_1.2.0.tar.gz'));
    const bytes = readFileSync(result.file);
    expect(result.packageId).toBe(`asset-cc_1.2.0:${createHash('sha256').update(bytes).digest('hex')}`);

    untar(result.file, join(dir, 'out'));
    expect(readdirSync(join(dir, 'out')).sort()).toEqual(['code.tar.gz', 'metadata.json']);
    expect(JSON.parse(readFileSync(join(dir, 'out', 'metadata.json'), 'utf8'))).toEqual({
      type: 'ccaas',
      label: 'asset-cc_1.2.0',
    });
    untar(join(dir, 'out', 'code.tar.gz'), join(dir, 'code'));
    expect(readdirSync(join(dir, 'code'))).toEqual(['connection.json']);
    expect(JSON.parse(readFileSync(join(dir, 'code', 'connection.json'), 'utf8'))).toEqual({
      address: 'asset-cc.example.com:9999',
      dial_timeout: '10s',
      tls_required: true,
      client_auth_required: false,
      root_cert: '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n',
    });
    // owner root, mode 0644, epoch mtime: nothing from this machine leaks into the package
    for (const line of listTar(result.file)) expect(line).toMatch(/^-rw-r--r-- 0\/0 .* 1970-01-01/);
  });

  it('is byte-for-byte identical on a second run, even after the sources were touched', async () => {
    const first = await packageChaincode(ctx(), { dir: 'project', type: 'ccaas', address: 'cc:9999', output: 'a.tgz' });
    utimesSync(join(dir, 'project', 'package.json'), new Date(), new Date(2030, 1, 1));
    const second = await packageChaincode(ctx(), {
      dir: 'project',
      type: 'ccaas',
      address: 'cc:9999',
      output: 'b.tgz',
    });
    expect(readFileSync(second.file).equals(readFileSync(first.file))).toBe(true);
    expect(second.packageId).toBe(first.packageId);
  });

  it('writes a plain connection without TLS fields, and honours --label', async () => {
    const result = await packageChaincode(ctx(), {
      dir: 'project',
      type: 'ccaas',
      address: 'cc:7052',
      label: 'basic_1.0',
    });
    untar(result.file, join(dir, 'out'));
    untar(join(dir, 'out', 'code.tar.gz'), join(dir, 'code'));
    expect(JSON.parse(readFileSync(join(dir, 'code', 'connection.json'), 'utf8'))).toEqual({
      address: 'cc:7052',
      dial_timeout: '10s',
      tls_required: false,
    });
    expect(result.packageId.startsWith('basic_1.0:')).toBe(true);
  });

  it('puts the client key pair in connection.json for --client-auth, and demands it', async () => {
    writeFileSync(join(dir, 'key.pem'), 'KEY');
    writeFileSync(join(dir, 'cert.pem'), 'CERT');
    await expect(
      packageChaincode(ctx(), { dir: 'project', type: 'ccaas', address: 'cc:1', clientAuth: true, rootCert: 'ca.pem' }),
    ).rejects.toThrow(/--client-auth needs --client-key and --client-cert/);
    const result = await packageChaincode(ctx(), {
      dir: 'project',
      type: 'ccaas',
      address: 'cc:1',
      clientAuth: true,
      rootCert: 'ca.pem',
      clientKey: 'key.pem',
      clientCert: 'cert.pem',
    });
    untar(result.file, join(dir, 'out'));
    untar(join(dir, 'out', 'code.tar.gz'), join(dir, 'code'));
    expect(JSON.parse(readFileSync(join(dir, 'code', 'connection.json'), 'utf8'))).toMatchObject({
      tls_required: true,
      client_auth_required: true,
      client_key: 'KEY',
      client_cert: 'CERT',
    });
  });

  it('puts the project CouchDB indexes next to connection.json, and nothing else of the project', async () => {
    mkdirSync(join(dir, 'project', 'META-INF', 'statedb', 'couchdb', 'indexes'), { recursive: true });
    // the service reads its own contract metadata at run time: not packaged, not refused
    writeFileSync(join(dir, 'project', 'META-INF', 'metadata.json'), '{}');
    writeFileSync(join(dir, 'project', 'META-INF', 'statedb', 'couchdb', 'indexes', 'owner.json'), '{"index":{}}');
    const result = await packageChaincode(ctx(), { dir: 'project', type: 'ccaas', address: 'cc:9999' });
    untar(result.file, join(dir, 'out'));
    mkdirSync(join(dir, 'code'));
    execFileSync('tar', ['-xzf', join(dir, 'out', 'code.tar.gz'), '-C', join(dir, 'code')]);
    expect(readdirSync(join(dir, 'code')).sort()).toEqual(['META-INF', 'connection.json']);
    expect(readdirSync(join(dir, 'code', 'META-INF'))).toEqual(['statedb']);
    expect(readFileSync(join(dir, 'code', 'META-INF', 'statedb', 'couchdb', 'indexes', 'owner.json'), 'utf8')).toBe(
      '{"index":{}}',
    );
  });

  it('refuses a missing or malformed address, a bad label and a missing certificate file', async () => {
    await expect(packageChaincode(ctx(), { dir: 'project', type: 'ccaas' })).rejects.toThrow(
      /--address host:port .*or .*connection\.json with an address/,
    );
    await expect(packageChaincode(ctx(), { dir: 'project', type: 'ccaas', address: 'nohost' })).rejects.toThrow(
      CliError,
    );
    await expect(
      packageChaincode(ctx(), { dir: 'project', type: 'ccaas', address: 'cc:1', label: 'bad label!' }),
    ).rejects.toThrow(/invalid label "bad label!"/);
    await expect(
      packageChaincode(ctx(), { dir: 'project', type: 'ccaas', address: 'cc:1', rootCert: 'missing.pem' }),
    ).rejects.toThrow(/cannot read --root-cert/);
    await expect(packageChaincode(ctx(), { dir: 'nowhere', type: 'ccaas', address: 'cc:1' })).rejects.toThrow(
      /is not a directory/,
    );
  });
});

describe('chaincode package labels', () => {
  it.each([
    ['@acme/my--contract', '2.0.0-', 'my-contract_2.0.0'],
    ['-lead~and~tail-', '1.0.0', 'lead_and_tail_1.0.0'],
    ['plain', undefined, 'plain'],
  ])('derives a label the peer accepts from name %s and version %s', async (name, version, label) => {
    writeFileSync(join(dir, 'project', 'package.json'), JSON.stringify({ name, version }));
    const result = await packageChaincode(ctx(), { dir: 'project', type: 'ccaas', address: 'cc:1' });
    expect(result.label).toBe(label);
  });

  it('refuses a label the peer would refuse (trailing or doubled separators)', async () => {
    for (const label of ['basic_', 'a..b']) {
      await expect(
        packageChaincode(ctx(), { dir: 'project', type: 'ccaas', address: 'cc:1', label }),
      ).rejects.toMatchObject({
        code: 'CC_CLI_INVALID_ARGUMENT',
        message: expect.stringContaining(`invalid label "${label}"`),
      });
    }
  });
});

describe('chaincode package --type node: layout', () => {
  // these projects export no contract: the module check has its own tests below
  const node = { dir: 'project', type: 'node' as const, skipModuleCheck: true };

  it('packages the sources under src/ without node_modules or .git', async () => {
    const result = await packageChaincode(ctx(), node);
    expect(result.warnings).toEqual([]);
    untar(result.file, join(dir, 'out'));
    expect(JSON.parse(readFileSync(join(dir, 'out', 'metadata.json'), 'utf8'))).toEqual({
      type: 'node',
      label: 'asset-cc_1.2.0',
    });
    const files = execFileSync('tar', ['-tzf', join(dir, 'out', 'code.tar.gz')])
      .toString()
      .trim()
      .split('\n');
    expect(files).toEqual(['src/dist/index.js', 'src/package.json']);
  });

  it('puts META-INF (CouchDB indexes) at the top level, as the peer CLI does', async () => {
    mkdirSync(join(dir, 'project', 'META-INF', 'statedb', 'couchdb', 'indexes'), { recursive: true });
    writeFileSync(join(dir, 'project', 'META-INF', 'statedb', 'couchdb', 'indexes', 'owner.json'), '{}');
    const result = await packageChaincode(ctx(), node);
    untar(result.file, join(dir, 'out'));
    const files = execFileSync('tar', ['-tzf', join(dir, 'out', 'code.tar.gz')])
      .toString()
      .trim()
      .split('\n');
    expect(files).toEqual(['META-INF/statedb/couchdb/indexes/owner.json', 'src/dist/index.js', 'src/package.json']);
  });

  it('refuses META-INF files other than CouchDB indexes, as the peer CLI does (contract metadata included)', async () => {
    mkdirSync(join(dir, 'project', 'META-INF'), { recursive: true });
    writeFileSync(join(dir, 'project', 'META-INF', 'metadata.json'), '{}');
    await expect(packageChaincode(ctx(), node)).rejects.toMatchObject({
      code: 'CC_CLI_INVALID_ARGUMENT',
      message: expect.stringMatching(
        /^META-INF\/metadata\.json cannot be packaged: .*contract-metadata\/metadata\.json$/,
      ),
    });
  });

  it('takes collection indexes, and leaves hidden META-INF files out with a warning', async () => {
    const indexes = join(dir, 'project', 'META-INF', 'statedb', 'couchdb', 'collections', 'private_1', 'indexes');
    mkdirSync(indexes, { recursive: true });
    writeFileSync(join(indexes, 'by-owner.json'), '{}');
    writeFileSync(join(indexes, '.hidden.json'), 'x');
    const result = await packageChaincode(ctx(), node);
    expect(result.warnings).toEqual([expect.stringContaining('.hidden.json is not packaged')]);
    untar(result.file, join(dir, 'out'));
    const files = execFileSync('tar', ['-tzf', join(dir, 'out', 'code.tar.gz')])
      .toString()
      .trim()
      .split('\n');
    expect(files).toEqual([
      'META-INF/statedb/couchdb/collections/private_1/indexes/by-owner.json',
      'src/dist/index.js',
      'src/package.json',
    ]);
  });

  it('is deterministic too', async () => {
    const a = await packageChaincode(ctx(), { ...node, output: 'a.tgz' });
    const b = await packageChaincode(ctx(), { ...node, output: 'b.tgz' });
    expect(a.packageId).toBe(b.packageId);
  });
});

describe('chaincode package on the command line', () => {
  it('prints the file and the package id, and needs --type', async () => {
    const run = await cc(['package', 'project', '--type', 'ccaas', '--address', 'cc:9999', '--label', 'basic_1.0'], {
      cwd: dir,
    });
    expect(run.error).toBeUndefined();
    expect(run.stdout).toMatch(/^Wrote .*basic_1\.0\.tar\.gz \(\d+ bytes\)\nPackage id: basic_1\.0:[0-9a-f]{64}\n$/);
    const missing = await cc(['package', 'project', '--address', 'cc:9999'], { cwd: dir });
    expect(failure(missing).line).toBe('chaincode: Missing required argument: type');
  });
});
