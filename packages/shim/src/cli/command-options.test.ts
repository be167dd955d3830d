import { argsAfterCommand } from './command-args';
import { serverTlsFlagProblem, startCommandOptions, serverCommandOptions } from './command-options';
import { backoffDelay, defaultRetryPolicy } from './backoff';
import { reasonOf } from './command-error';
import { connectFailure, isTransportFailure } from './run-start';

describe('official flags (plus --auto-write-batch)', () => {
  it('start has the flags of fabric-chaincode-node start', () => {
    expect(Object.keys(startCommandOptions).sort()).toEqual(
      [
        'CORE_PEER_ADDRESS',
        'auto-write-batch',
        'chaincode-id-name',
        'grpc.http2.max_pings_without_data',
        'grpc.http2.min_time_between_pings_ms',
        'grpc.keepalive_permit_without_calls',
        'grpc.keepalive_time_ms',
        'grpc.keepalive_timeout_ms',
        'grpc.max_receive_message_length',
        'grpc.max_send_message_length',
        'module-path',
        'peer.address',
        'ssl-target-name-override',
      ].sort(),
    );
  });

  it('server has the flags of fabric-chaincode-node server', () => {
    expect(
      Object.keys(serverCommandOptions)
        .filter((k) => !k.startsWith('grpc.'))
        .sort(),
    ).toEqual([
      'auto-write-batch',
      'chaincode-address',
      'chaincode-id',
      'chaincode-tls-cert-file',
      'chaincode-tls-cert-path',
      'chaincode-tls-client-cacert-file',
      'chaincode-tls-client-cacert-path',
      'chaincode-tls-key-file',
      'chaincode-tls-key-path',
      'module-path',
    ]);
  });
});

describe('serverTlsFlagProblem', () => {
  it('accepts no TLS, or a key and a certificate in either form', () => {
    expect(serverTlsFlagProblem({})).toBeUndefined();
    expect(serverTlsFlagProblem({ 'chaincode-tls-key-file': 'k', 'chaincode-tls-cert-path': 'c' })).toBeUndefined();
    expect(
      serverTlsFlagProblem({
        'chaincode-tls-key-path': 'k',
        'chaincode-tls-cert-file': 'c',
        'chaincode-tls-client-cacert-file': 'ca',
      }),
    ).toBeUndefined();
  });

  it('wants the pair once any TLS flag is given', () => {
    expect(serverTlsFlagProblem({ 'chaincode-tls-cert-file': 'c' })).toMatch(/no key is specified/);
    expect(serverTlsFlagProblem({ 'chaincode-tls-key-file': 'k' })).toMatch(/no cert is specified/);
    expect(serverTlsFlagProblem({ 'chaincode-tls-client-cacert-path': 'ca' })).toMatch(/no key is specified/);
  });
});

describe('helpers', () => {
  it('argsAfterCommand keeps what follows the command names', () => {
    expect(argsAfterCommand(['start', '--peer.address', 'p:1'], 'start')).toEqual(['--peer.address', 'p:1']);
    expect(argsAfterCommand(['--verbose', 'metadata', 'generate', '-f', 'x'], 'metadata', 'generate')).toEqual([
      '-f',
      'x',
    ]);
    expect(argsAfterCommand(['--a'], 'start')).toEqual(['--a']);
  });

  it('backoff doubles up to its cap', () => {
    const delays = [1, 2, 3, 4, 5, 6, 7].map((n) => backoffDelay(defaultRetryPolicy, n));
    expect(delays).toEqual([250, 500, 1000, 2000, 4000, 4000, 4000]);
  });

  it('reasonOf keeps one line of anything thrown', () => {
    expect(reasonOf(new Error('first\nsecond'))).toBe('first');
    expect(reasonOf({ message: 'from another realm' })).toBe('from another realm');
    expect(reasonOf('text')).toBe('text');
    expect(reasonOf(undefined)).toBe('undefined');
    expect(reasonOf(new Error(''))).toBe('unknown error');
  });

  it('connectFailure shortens grpc dial errors', () => {
    expect(
      connectFailure('14 UNAVAILABLE: No connection established. Last error: connect ECONNREFUSED 1.2.3.4:5'),
    ).toBe('connection refused');
    expect(connectFailure('getaddrinfo ENOTFOUND peer0')).toBe('host not found');
    expect(connectFailure('something else')).toBe('something else');
  });

  it('isTransportFailure tells a dead connection from an answer of the peer', () => {
    expect(isTransportFailure('stream error: 14 UNAVAILABLE: No connection established')).toBe(true);
    expect(isTransportFailure('no READY within 30000 ms')).toBe(true);
    expect(isTransportFailure('the peer answered ERROR: duplicate chaincodeID error: mycc')).toBe(false);
  });
});
