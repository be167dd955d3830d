import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InvalidOptionsError } from '../errors/shim-error';
import { DEFAULT_GRPC_OPTIONS } from '../peer/options';
import { resolveClientOptions, resolveLogging, resolveServerOptions } from './resolve-options';

const PEM_KEY = '-----BEGIN PRIVATE KEY-----\nMIGHAgEAkey\n-----END PRIVATE KEY-----\n';
const PEM_CERT = '-----BEGIN CERTIFICATE-----\nMIIBcert\n-----END CERTIFICATE-----\n';
const PEM_CA = '-----BEGIN CERTIFICATE-----\nMIIBca\n-----END CERTIFICATE-----\n';

let dir: string;
const file = (name: string, content: string): string => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};
const b64 = (text: string): string => Buffer.from(text).toString('base64');

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'shim-options-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

function expectOptionsError(fn: () => unknown, message: string | RegExp): void {
  let thrown: unknown;
  try {
    fn();
  } catch (err) {
    thrown = err;
  }
  expect(thrown).toBeInstanceOf(InvalidOptionsError);
  expect((thrown as InvalidOptionsError).code).toBe('INVALID_OPTIONS');
  if (typeof message === 'string') expect((thrown as Error).message).toContain(message);
  else expect((thrown as Error).message).toMatch(message);
}

describe('resolveClientOptions', () => {
  const base = ['--peer.address', 'peer0:7052', '--chaincode-id-name', 'mycc:1.0'];

  it('reads the flags and leaves grpc options to the runtime defaults', () => {
    const options = resolveClientOptions({ argv: base, env: {}, cwd: '/srv/cc' });
    expect(options).toEqual({
      peerAddress: 'peer0:7052',
      chaincodeIdName: 'mycc:1.0',
      grpc: {},
      logging: { format: 'text' },
      modulePath: '/srv/cc',
    });
    expect(options.tls).toBeUndefined();
  });

  it('takes every option from its CORE_ variable, flags winning', () => {
    const env = {
      CORE_PEER_ADDRESS: 'env-peer:7052',
      CORE_CHAINCODE_ID_NAME: 'envcc:1',
      CORE_MODULE_PATH: '/env/module',
      CORE_GRPC_MAX_SEND_MESSAGE_LENGTH: '100',
      CORE_GRPC_MAX_RECEIVE_MESSAGE_LENGTH: '200',
      CORE_GRPC_KEEPALIVE_TIME_MS: '300',
      CORE_GRPC_HTTP2_MIN_TIME_BETWEEN_PINGS_MS: '400',
      CORE_GRPC_KEEPALIVE_TIMEOUT_MS: '500',
      CORE_GRPC_HTTP2_MAX_PINGS_WITHOUT_DATA: '6',
      CORE_GRPC_KEEPALIVE_PERMIT_WITHOUT_CALLS: '0',
      CORE_PEER_LOCALMSPID: 'Org1MSP',
    };
    const fromEnv = resolveClientOptions({ argv: [], env });
    expect(fromEnv.peerAddress).toBe('env-peer:7052');
    expect(fromEnv.chaincodeIdName).toBe('envcc:1');
    expect(fromEnv.modulePath).toBe('/env/module');
    expect(fromEnv.localMspId).toBe('Org1MSP');
    expect(fromEnv.grpc).toEqual({
      'grpc.max_send_message_length': 100,
      'grpc.max_receive_message_length': 200,
      'grpc.keepalive_time_ms': 300,
      'grpc.http2.min_time_between_pings_ms': 400,
      'grpc.keepalive_timeout_ms': 500,
      'grpc.http2.max_pings_without_data': 6,
      'grpc.keepalive_permit_without_calls': 0,
    });
    const flags = resolveClientOptions({
      argv: [...base, '--module-path', '/flag/module', '--grpc.keepalive_time_ms', '7'],
      env,
    });
    expect(flags.peerAddress).toBe('peer0:7052');
    expect(flags.chaincodeIdName).toBe('mycc:1.0');
    expect(flags.modulePath).toBe('/flag/module');
    expect(flags.grpc?.['grpc.keepalive_time_ms']).toBe(7);
    expect(flags.grpc?.['grpc.keepalive_timeout_ms']).toBe(500);
  });

  it('reads --auto-write-batch / CORE_AUTO_WRITE_BATCH (off unless given; true or false only)', () => {
    expect(resolveClientOptions({ argv: base, env: {} }).autoWriteBatch).toBeUndefined();
    expect(resolveClientOptions({ argv: [...base, '--auto-write-batch', 'true'], env: {} }).autoWriteBatch).toBe(true);
    expect(resolveClientOptions({ argv: base, env: { CORE_AUTO_WRITE_BATCH: 'TRUE' } }).autoWriteBatch).toBe(true);
    const flagWins = { argv: [...base, '--auto-write-batch', 'false'], env: { CORE_AUTO_WRITE_BATCH: 'true' } };
    expect(resolveClientOptions(flagWins).autoWriteBatch).toBe(false);
    const server = ['--chaincode-address', '127.0.0.1:7000', '--chaincode-id', 'cc:1', '--auto-write-batch', 'true'];
    expect(resolveServerOptions({ argv: server, env: {} }).autoWriteBatch).toBe(true);
    expectOptionsError(
      () => resolveClientOptions({ argv: [...base, '--auto-write-batch', 'yes'], env: {} }),
      '--auto-write-batch (or CORE_AUTO_WRITE_BATCH) must be true or false, got "yes"',
    );
  });

  it('reads every grpc flag', () => {
    const argv = [...base];
    let i = 1;
    for (const name of Object.keys(DEFAULT_GRPC_OPTIONS)) argv.push(`--${name}`, String(i++));
    const options = resolveClientOptions({ argv, env: {} });
    expect(Object.values(options.grpc ?? {})).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  it('accepts --flag=value, repeated flags (last wins) and ignores unknown flags', () => {
    const options = resolveClientOptions({
      argv: ['--peer.address=a:1', '--peer.address', 'b:2', '--chaincode-id-name=cc', '--whatever', 'x'],
      env: {},
    });
    expect(options.peerAddress).toBe('b:2');
    expect(options.chaincodeIdName).toBe('cc');
  });

  it("honours fabric-shim's legacy --CORE_PEER_ADDRESS argument over --peer.address", () => {
    const options = resolveClientOptions({ argv: [...base, '--CORE_PEER_ADDRESS', 'legacy:7052'], env: {} });
    expect(options.peerAddress).toBe('legacy:7052');
  });

  it('names both the flag and the variable when a required option is missing', () => {
    expectOptionsError(
      () => resolveClientOptions({ argv: ['--chaincode-id-name', 'x'], env: {} }),
      '--peer.address (or CORE_PEER_ADDRESS) is required',
    );
    expectOptionsError(
      () => resolveClientOptions({ argv: ['--peer.address', 'p:1'], env: { CORE_CHAINCODE_ID_NAME: '' } }),
      '--chaincode-id-name (or CORE_CHAINCODE_ID_NAME) is required',
    );
  });

  it('refuses a flag without a value and a non-integer grpc option', () => {
    expectOptionsError(
      () => resolveClientOptions({ argv: ['--peer.address', ...base.slice(2)], env: {} }),
      /needs a value/,
    );
    expectOptionsError(
      () => resolveClientOptions({ argv: [...base, '--grpc.keepalive_time_ms', 'soon'], env: {} }),
      '--grpc.keepalive_time_ms (or CORE_GRPC_KEEPALIVE_TIME_MS) must be an integer',
    );
    expectOptionsError(
      () => resolveClientOptions({ argv: base, env: { CORE_GRPC_KEEPALIVE_TIMEOUT_MS: '1.5' } }),
      'must be an integer',
    );
  });

  describe('TLS', () => {
    it('is off unless CORE_PEER_TLS_ENABLED is "true" (any case)', () => {
      expect(resolveClientOptions({ argv: base, env: { CORE_PEER_TLS_ENABLED: 'false' } }).tls).toBeUndefined();
      expect(resolveClientOptions({ argv: base, env: { CORE_PEER_TLS_ENABLED: 'yes' } }).tls).toBeUndefined();
      const root = file('root.pem', PEM_CA);
      const on = resolveClientOptions({
        argv: base,
        env: { CORE_PEER_TLS_ENABLED: 'TRUE', CORE_PEER_TLS_ROOTCERT_FILE: root },
      });
      expect(on.tls?.rootCert.toString()).toBe(PEM_CA);
      expect(on.tls?.clientKey).toBeUndefined();
    });

    it('requires the root certificate file and reports an unreadable one', () => {
      expectOptionsError(
        () => resolveClientOptions({ argv: base, env: { CORE_PEER_TLS_ENABLED: 'true' } }),
        'CORE_PEER_TLS_ROOTCERT_FILE is required',
      );
      expectOptionsError(
        () =>
          resolveClientOptions({
            argv: base,
            env: { CORE_PEER_TLS_ENABLED: 'true', CORE_PEER_TLS_ROOTCERT_FILE: join(dir, 'missing.pem') },
          }),
        /cannot read CORE_PEER_TLS_ROOTCERT_FILE .*missing\.pem/,
      );
    });

    it('prefers the PEM _FILE variables over the base64 _PATH ones', () => {
      const env = {
        CORE_PEER_TLS_ENABLED: 'true',
        CORE_PEER_TLS_ROOTCERT_FILE: file('root.pem', PEM_CA),
        CORE_TLS_CLIENT_KEY_FILE: file('client.key', PEM_KEY),
        CORE_TLS_CLIENT_CERT_FILE: file('client.crt', PEM_CERT),
        CORE_TLS_CLIENT_KEY_PATH: file('client.key.b64', b64('other key')),
        CORE_TLS_CLIENT_CERT_PATH: file('client.crt.b64', b64('other cert')),
      };
      const options = resolveClientOptions({ argv: [...base, '--ssl-target-name-override', 'peer0.org1'], env });
      expect(options.tls?.clientKey?.toString()).toBe(PEM_KEY);
      expect(options.tls?.clientCert?.toString()).toBe(PEM_CERT);
      expect(options.tls?.serverNameOverride).toBe('peer0.org1');
    });

    it('decodes the base64 _PATH files', () => {
      const env = {
        CORE_PEER_TLS_ENABLED: 'true',
        CORE_PEER_TLS_ROOTCERT_FILE: file('root.pem', PEM_CA),
        CORE_TLS_CLIENT_KEY_PATH: file('client.key.b64', b64(PEM_KEY) + '\n'),
        CORE_TLS_CLIENT_CERT_PATH: file('client.crt.b64', b64(PEM_CERT)),
      };
      const options = resolveClientOptions({ argv: base, env });
      expect(options.tls?.clientKey?.toString()).toBe(PEM_KEY);
      expect(options.tls?.clientCert?.toString()).toBe(PEM_CERT);
    });

    it('refuses half a key pair and a _PATH file that is not base64', () => {
      const root = file('root.pem', PEM_CA);
      expectOptionsError(
        () =>
          resolveClientOptions({
            argv: base,
            env: {
              CORE_PEER_TLS_ENABLED: 'true',
              CORE_PEER_TLS_ROOTCERT_FILE: root,
              CORE_TLS_CLIENT_KEY_FILE: file('k', PEM_KEY),
            },
          }),
        'CORE_TLS_CLIENT_KEY_FILE and CORE_TLS_CLIENT_CERT_FILE must be set together',
      );
      expectOptionsError(
        () =>
          resolveClientOptions({
            argv: base,
            env: {
              CORE_PEER_TLS_ENABLED: 'true',
              CORE_PEER_TLS_ROOTCERT_FILE: root,
              CORE_TLS_CLIENT_KEY_PATH: file('k.b64', 'not base64 at all!'),
              CORE_TLS_CLIENT_CERT_PATH: file('c.b64', b64(PEM_CERT)),
            },
          }),
        'does not hold base64 data',
      );
      expectOptionsError(
        () =>
          resolveClientOptions({
            argv: base,
            env: {
              CORE_PEER_TLS_ENABLED: 'true',
              CORE_PEER_TLS_ROOTCERT_FILE: root,
              CORE_TLS_CLIENT_CERT_PATH: file('c.b64', b64(PEM_CERT)),
            },
          }),
        'CORE_TLS_CLIENT_KEY_PATH and CORE_TLS_CLIENT_CERT_PATH must be set together',
      );
    });
  });
});

describe('resolveServerOptions', () => {
  const base = ['--chaincode-address', '0.0.0.0:9999', '--chaincode-id', 'basic_1.0:abc'];

  it('reads address and ccid from flags or CORE_ variables', () => {
    expect(resolveServerOptions({ argv: base, env: {}, cwd: '/m' })).toEqual({
      address: '0.0.0.0:9999',
      ccid: 'basic_1.0:abc',
      grpc: {},
      logging: { format: 'text' },
      modulePath: '/m',
    });
    const fromEnv = resolveServerOptions({
      argv: [],
      env: {
        CORE_CHAINCODE_ADDRESS: '127.0.0.1:7000',
        CORE_CHAINCODE_ID: 'cc:1',
        CORE_GRPC_MAX_RECEIVE_MESSAGE_LENGTH: '1024',
        CORE_PEER_LOCALMSPID: 'Org2MSP',
      },
    });
    expect(fromEnv.address).toBe('127.0.0.1:7000');
    expect(fromEnv.ccid).toBe('cc:1');
    expect(fromEnv.grpc).toEqual({ 'grpc.max_receive_message_length': 1024 });
    expect(fromEnv.localMspId).toBe('Org2MSP');
  });

  it('names flag and variable of missing required options', () => {
    expectOptionsError(
      () => resolveServerOptions({ argv: ['--chaincode-id', 'x'], env: {} }),
      '--chaincode-address (or CORE_CHAINCODE_ADDRESS) is required',
    );
    expectOptionsError(
      () => resolveServerOptions({ argv: ['--chaincode-address', 'a:1'], env: {} }),
      '--chaincode-id (or CORE_CHAINCODE_ID) is required',
    );
  });

  it('reads PEM -file and base64 -path TLS files, with mutual TLS when a client CA is given', () => {
    const pem = resolveServerOptions({
      argv: [
        ...base,
        '--chaincode-tls-key-file',
        file('key.pem', PEM_KEY),
        '--chaincode-tls-cert-file',
        file('cert.pem', PEM_CERT),
      ],
      env: {},
    });
    expect(pem.tls?.key.toString()).toBe(PEM_KEY);
    expect(pem.tls?.cert.toString()).toBe(PEM_CERT);
    expect(pem.tls?.clientCACerts).toBeUndefined();

    const b64Options = resolveServerOptions({
      argv: base,
      env: {
        CORE_CHAINCODE_TLS_KEY_PATH: file('key.b64', b64(PEM_KEY)),
        CORE_CHAINCODE_TLS_CERT_PATH: file('cert.b64', b64(PEM_CERT)),
        CORE_CHAINCODE_TLS_CLIENT_CACERT_PATH: file('ca.b64', b64(PEM_CA)),
      },
    });
    expect(b64Options.tls?.key.toString()).toBe(PEM_KEY);
    expect(b64Options.tls?.cert.toString()).toBe(PEM_CERT);
    expect(b64Options.tls?.clientCACerts?.toString()).toBe(PEM_CA);

    const mixed = resolveServerOptions({
      argv: [
        ...base,
        '--chaincode-tls-key-path',
        file('k.b64', b64(PEM_KEY)),
        '--chaincode-tls-cert-file',
        file('c.pem', PEM_CERT),
        '--chaincode-tls-client-cacert-file',
        file('ca.pem', PEM_CA),
      ],
      env: {},
    });
    expect(mixed.tls?.clientCACerts?.toString()).toBe(PEM_CA);
  });

  it.each(['cert', 'key', 'client-cacert'])('refuses both -file and -path for the TLS %s', (item) => {
    const key = ['--chaincode-tls-key-file', file('key.pem', PEM_KEY)];
    const cert = ['--chaincode-tls-cert-file', file('cert.pem', PEM_CERT)];
    const argv = [...base, ...key, ...cert];
    argv.push(
      `--chaincode-tls-${item}-file`,
      file('x.pem', PEM_CA),
      `--chaincode-tls-${item}-path`,
      file('x.b64', b64(PEM_CA)),
    );
    expectOptionsError(
      () => resolveServerOptions({ argv, env: {} }),
      `--chaincode-tls-${item}-file (or CORE_CHAINCODE_TLS_${item.toUpperCase().replace('-', '_')}_FILE) and --chaincode-tls-${item}-path`,
    );
  });

  it('requires both key and cert once any TLS flag is given', () => {
    expectOptionsError(
      () => resolveServerOptions({ argv: [...base, '--chaincode-tls-cert-file', file('c.pem', PEM_CERT)], env: {} }),
      'TLS needs a key: --chaincode-tls-key-file (or CORE_CHAINCODE_TLS_KEY_FILE)',
    );
    expectOptionsError(
      () => resolveServerOptions({ argv: [...base, '--chaincode-tls-key-file', file('k.pem', PEM_KEY)], env: {} }),
      'TLS needs a certificate',
    );
    expectOptionsError(
      () =>
        resolveServerOptions({
          argv: [...base, '--chaincode-tls-client-cacert-file', file('ca.pem', PEM_CA)],
          env: {},
        }),
      'TLS needs a key',
    );
  });

  it('reports an unreadable TLS file with its flag', () => {
    expectOptionsError(
      () =>
        resolveServerOptions({
          argv: [
            ...base,
            '--chaincode-tls-key-file',
            join(dir, 'nope'),
            '--chaincode-tls-cert-file',
            join(dir, 'nope2'),
          ],
          env: {},
        }),
      /cannot read --chaincode-tls-cert-file/,
    );
  });
});

describe('resolveLogging', () => {
  it('maps the CORE_CHAINCODE_LOGGING_* variables', () => {
    expect(
      resolveLogging({
        CORE_CHAINCODE_LOGGING_LEVEL: 'DEBUG',
        CORE_CHAINCODE_LOGGING_SHIM: 'warning',
        CORE_CHAINCODE_LOGGING_FORMAT: 'JSON',
      }),
    ).toEqual({ level: 'debug', shimLevel: 'warning', format: 'json' });
    expect(resolveLogging({ CORE_CHAINCODE_LOGGING_FORMAT: '%{color}%{time}' })).toEqual({ format: 'text' });
    expect(resolveLogging({ CORE_CHAINCODE_LOGGING_LEVEL: 'loud' })).toEqual({ format: 'text' });
  });
});
