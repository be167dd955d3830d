import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InvalidOptionsError } from '../errors/shim-error';
import { DEFAULT_GRPC_OPTIONS } from '../peer/options';
import { resolveClientArgv, resolveLogging, resolveServerArgv } from './resolve-options';

type ArgvInput = { argv: string[]; env: Record<string, string | undefined>; cwd?: string };
const client = (input: ArgvInput) => resolveClientArgv(input.argv, input.env, input.cwd);
const server = (input: ArgvInput) => resolveServerArgv(input.argv, input.env, input.cwd);

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
  expect((thrown as InvalidOptionsError).code).toBe('CC_SHIM_INVALID_OPTIONS');
  if (typeof message === 'string') expect((thrown as Error).message).toContain(message);
  else expect((thrown as Error).message).toMatch(message);
}

describe('resolveClientOptions', () => {
  const base = ['--peer.address', 'peer0:7052', '--chaincode-id-name', 'mycc:1.0'];

  it('reads the flags and leaves grpc options to the runtime defaults', () => {
    const options = client({ argv: base, env: {}, cwd: '/srv/cc' });
    expect(options).toEqual({
      peerAddress: 'peer0:7052',
      chaincodeIdName: 'mycc:1.0',
      grpc: {},
      logging: { format: 'text' },
      modulePath: '/srv/cc',
      reconnectTimeoutMs: -1,
    });
    expect(options.tls).toBeUndefined();
  });

  it('reads the timeouts from flags or CORE_ variables; a started process keeps reconnecting by default', () => {
    expect(
      client({
        argv: [...base, '--connect-timeout-ms', '5000', '--reconnect-timeout-ms', '0', '--request-timeout-ms', '250'],
        env: {},
      }),
    ).toMatchObject({ connectTimeoutMs: 5000, reconnectTimeoutMs: 0, requestTimeoutMs: 250 });
    expect(
      client({
        argv: base,
        env: { CORE_CONNECT_TIMEOUT_MS: '7', CORE_RECONNECT_TIMEOUT_MS: '60000', CORE_REQUEST_TIMEOUT_MS: '9' },
      }),
    ).toMatchObject({ connectTimeoutMs: 7, reconnectTimeoutMs: 60000, requestTimeoutMs: 9 });
    const defaults = client({ argv: base, env: {} });
    expect([defaults.connectTimeoutMs, defaults.reconnectTimeoutMs, defaults.requestTimeoutMs]).toEqual([
      undefined,
      -1,
      undefined,
    ]);
  });

  it('refuses timeouts out of range, naming flag and variable', () => {
    expectOptionsError(
      () => client({ argv: [...base, '--connect-timeout-ms', '0'], env: {} }),
      '--connect-timeout-ms (or CORE_CONNECT_TIMEOUT_MS) must be at least 1, got 0',
    );
    expectOptionsError(
      () => client({ argv: base, env: { CORE_RECONNECT_TIMEOUT_MS: '-2' } }),
      '--reconnect-timeout-ms (or CORE_RECONNECT_TIMEOUT_MS) must be at least -1, got -2',
    );
    expectOptionsError(
      () => client({ argv: [...base, '--request-timeout-ms', 'soon'], env: {} }),
      '--request-timeout-ms (or CORE_REQUEST_TIMEOUT_MS) must be an integer, got "soon"',
    );
  });

  it.each([
    ['127.0.0.1', '"127.0.0.1" has no port'],
    ['peer0', '"peer0" has no port'],
    [':7051', 'has no host'],
    ['peer0:http', 'has no valid port ("http"; a number from 1 to 65535)'],
    ['peer0:0', 'has no valid port ("0"; a number from 1 to 65535)'],
    ['peer0:70000', 'has no valid port'],
    ['peer 0:7051', 'is not host:port'],
  ])('refuses the peer address %s before anything is dialled', (address, problem) => {
    expectOptionsError(
      () => client({ argv: ['--peer.address', address, '--chaincode-id-name', 'cc'], env: {} }),
      `--peer.address (or CORE_PEER_ADDRESS) must be host:port: ${JSON.stringify(address)}`,
    );
    expectOptionsError(
      () => client({ argv: ['--chaincode-id-name', 'cc'], env: { CORE_PEER_ADDRESS: address } }),
      problem,
    );
  });

  it('accepts host:port forms: names, IPv4, bracketed IPv6, a grpc(s):// scheme', () => {
    for (const address of ['peer0.org1.example.com:7051', '10.0.0.1:7052', '[::1]:7052', 'grpcs://peer0:7051']) {
      expect(client({ argv: ['--peer.address', address, '--chaincode-id-name', 'cc'], env: {} }).peerAddress).toBe(
        address,
      );
    }
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
    const fromEnv = client({ argv: [], env });
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
    const flags = client({
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
    expect(client({ argv: base, env: {} }).autoWriteBatch).toBeUndefined();
    expect(client({ argv: [...base, '--auto-write-batch', 'true'], env: {} }).autoWriteBatch).toBe(true);
    expect(client({ argv: [...base, '--auto-write-batch=false'], env: {} }).autoWriteBatch).toBe(false);
    expect(client({ argv: base, env: { CORE_AUTO_WRITE_BATCH: 'TRUE' } }).autoWriteBatch).toBe(true);
    expect(client({ argv: base, env: { CORE_AUTO_WRITE_BATCH: '' } }).autoWriteBatch).toBeUndefined();
    const flagWins = { argv: [...base, '--auto-write-batch', 'false'], env: { CORE_AUTO_WRITE_BATCH: 'true' } };
    expect(client(flagWins).autoWriteBatch).toBe(false);
    const serverArgv = [
      '--chaincode-address',
      '127.0.0.1:7000',
      '--chaincode-id',
      'cc:1',
      '--auto-write-batch',
      'true',
    ];
    expect(server({ argv: serverArgv, env: {} }).autoWriteBatch).toBe(true);
    expect(server({ argv: serverArgv.slice(0, 4), env: { CORE_AUTO_WRITE_BATCH: 'false' } }).autoWriteBatch).toBe(
      false,
    );
    expectOptionsError(
      () => client({ argv: [...base, '--auto-write-batch', 'yes'], env: {} }),
      '--auto-write-batch (or CORE_AUTO_WRITE_BATCH) must be true or false, got "yes"',
    );
    expectOptionsError(
      () => client({ argv: base, env: { CORE_AUTO_WRITE_BATCH: '1' } }),
      '--auto-write-batch (or CORE_AUTO_WRITE_BATCH) must be true or false, got "1"',
    );
  });

  it('refuses a bare --auto-write-batch as needing a value, wherever it stands', () => {
    for (const argv of [
      [...base, '--auto-write-batch'],
      ['--auto-write-batch', ...base],
      [...base, '--auto-write-batch='],
    ]) {
      expectOptionsError(
        () => client({ argv, env: { CORE_AUTO_WRITE_BATCH: 'true' } }),
        '--auto-write-batch needs a value',
      );
    }
    expectOptionsError(
      () =>
        server({
          argv: ['--chaincode-address', '127.0.0.1:7000', '--chaincode-id', 'cc:1', '--auto-write-batch'],
          env: {},
        }),
      '--auto-write-batch needs a value',
    );
  });

  it('reads every grpc flag', () => {
    const argv = [...base];
    let i = 1;
    for (const name of Object.keys(DEFAULT_GRPC_OPTIONS)) argv.push(`--${name}`, String(i++));
    const options = client({ argv, env: {} });
    expect(Object.values(options.grpc ?? {})).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  it('accepts --flag=value, repeated flags (last wins) and ignores unknown flags', () => {
    const options = client({
      argv: ['--peer.address=a:1', '--peer.address', 'b:2', '--chaincode-id-name=cc', '--whatever', 'x'],
      env: {},
    });
    expect(options.peerAddress).toBe('b:2');
    expect(options.chaincodeIdName).toBe('cc');
  });

  it("honours fabric-shim's legacy --CORE_PEER_ADDRESS argument over --peer.address", () => {
    const options = client({ argv: [...base, '--CORE_PEER_ADDRESS', 'legacy:7052'], env: {} });
    expect(options.peerAddress).toBe('legacy:7052');
  });

  it('names both the flag and the variable when a required option is missing', () => {
    expectOptionsError(
      () => client({ argv: ['--chaincode-id-name', 'x'], env: {} }),
      '--peer.address (or CORE_PEER_ADDRESS) is required',
    );
    expectOptionsError(
      () => client({ argv: ['--peer.address', 'p:1'], env: { CORE_CHAINCODE_ID_NAME: '' } }),
      '--chaincode-id-name (or CORE_CHAINCODE_ID_NAME) is required',
    );
  });

  it('refuses a flag without a value and a non-integer grpc option', () => {
    expectOptionsError(
      () => client({ argv: ['--peer.address', ...base.slice(2)], env: {} }),
      /Not enough arguments following: peer\.address/,
    );
    expectOptionsError(
      () => client({ argv: [...base, '--grpc.keepalive_time_ms', 'soon'], env: {} }),
      '--grpc.keepalive_time_ms (or CORE_GRPC_KEEPALIVE_TIME_MS) must be an integer',
    );
    expectOptionsError(
      () => client({ argv: base, env: { CORE_GRPC_KEEPALIVE_TIMEOUT_MS: '1.5' } }),
      'must be an integer',
    );
  });

  describe('TLS', () => {
    it('is off unless CORE_PEER_TLS_ENABLED is "true" (any case)', () => {
      expect(client({ argv: base, env: { CORE_PEER_TLS_ENABLED: 'false' } }).tls).toBeUndefined();
      expect(client({ argv: base, env: { CORE_PEER_TLS_ENABLED: 'yes' } }).tls).toBeUndefined();
      const root = file('root.pem', PEM_CA);
      const on = client({
        argv: base,
        env: { CORE_PEER_TLS_ENABLED: 'TRUE', CORE_PEER_TLS_ROOTCERT_FILE: root },
      });
      expect(on.tls?.rootCert.toString()).toBe(PEM_CA);
      expect(on.tls?.clientKey).toBeUndefined();
    });

    it('requires the root certificate file and reports an unreadable one', () => {
      expectOptionsError(
        () => client({ argv: base, env: { CORE_PEER_TLS_ENABLED: 'true' } }),
        'CORE_PEER_TLS_ROOTCERT_FILE is required',
      );
      expectOptionsError(
        () =>
          client({
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
      const options = client({ argv: [...base, '--ssl-target-name-override', 'peer0.org1'], env });
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
      const options = client({ argv: base, env });
      expect(options.tls?.clientKey?.toString()).toBe(PEM_KEY);
      expect(options.tls?.clientCert?.toString()).toBe(PEM_CERT);
    });

    it('refuses half a key pair and a _PATH file that is not base64', () => {
      const root = file('root.pem', PEM_CA);
      expectOptionsError(
        () =>
          client({
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
          client({
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
          client({
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
    expect(server({ argv: base, env: {}, cwd: '/m' })).toEqual({
      address: '0.0.0.0:9999',
      ccid: 'basic_1.0:abc',
      grpc: {},
      logging: { format: 'text' },
      modulePath: '/m',
    });
    const fromEnv = server({
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
      () => server({ argv: ['--chaincode-id', 'x'], env: {} }),
      '--chaincode-address (or CORE_CHAINCODE_ADDRESS) is required',
    );
    expectOptionsError(
      () => server({ argv: ['--chaincode-address', 'a:1'], env: {} }),
      '--chaincode-id (or CORE_CHAINCODE_ID) is required',
    );
  });

  it('reads PEM -file and base64 -path TLS files, with mutual TLS when a client CA is given', () => {
    const pem = server({
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

    const b64Options = server({
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

    const mixed = server({
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
      () => server({ argv, env: {} }),
      `--chaincode-tls-${item}-file (or CORE_CHAINCODE_TLS_${item.toUpperCase().replace('-', '_')}_FILE) and --chaincode-tls-${item}-path`,
    );
  });

  it('requires both key and cert once any TLS flag is given', () => {
    expectOptionsError(
      () => server({ argv: [...base, '--chaincode-tls-cert-file', file('c.pem', PEM_CERT)], env: {} }),
      'a TLS option is set but no key: give --chaincode-tls-key-file (or CORE_CHAINCODE_TLS_KEY_FILE) or --chaincode-tls-key-path (or CORE_CHAINCODE_TLS_KEY_PATH)',
    );
    expectOptionsError(
      () => server({ argv: [...base, '--chaincode-tls-key-file', file('k.pem', PEM_KEY)], env: {} }),
      'a TLS option is set but no certificate',
    );
    // one rule for flags and variables alike
    expectOptionsError(
      () => server({ argv: base, env: { CORE_CHAINCODE_TLS_KEY_FILE: file('k2.pem', PEM_KEY) } }),
      'a TLS option is set but no certificate',
    );
    expectOptionsError(
      () =>
        server({
          argv: [...base, '--chaincode-tls-client-cacert-file', file('ca.pem', PEM_CA)],
          env: {},
        }),
      'a TLS option is set but no key',
    );
  });

  it('refuses a listen address without a port without looking the host up, and accepts port 0', () => {
    expectOptionsError(
      () => server({ argv: ['--chaincode-address', 'nonsense', '--chaincode-id', 'x:1'], env: {} }),
      '--chaincode-address (or CORE_CHAINCODE_ADDRESS) must be host:port: "nonsense" has no port',
    );
    expect(server({ argv: ['--chaincode-address', '0.0.0.0:0', '--chaincode-id', 'x:1'], env: {} }).address).toBe(
      '0.0.0.0:0',
    );
    expect(
      server({
        argv: ['--chaincode-address', '127.0.0.1:9', '--chaincode-id', 'x:1', '--request-timeout-ms', '5'],
        env: { CORE_CONNECT_TIMEOUT_MS: '6' },
      }),
    ).toMatchObject({ requestTimeoutMs: 5, connectTimeoutMs: 6 });
  });

  it('reports an unreadable TLS file with its flag', () => {
    expectOptionsError(
      () =>
        server({
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
