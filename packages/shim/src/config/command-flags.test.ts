import { envName, metadataGenerateOptions, serverCommandOptions, startCommandOptions } from './command-flags';

describe('the flags of start and server', () => {
  it('start has the flags of fabric-chaincode-node start, our timeouts and --auto-write-batch', () => {
    expect(Object.keys(startCommandOptions).sort()).toEqual(
      [
        'CORE_PEER_ADDRESS',
        'auto-write-batch',
        'chaincode-id-name',
        'connect-timeout-ms',
        'grpc.http2.max_pings_without_data',
        'grpc.http2.min_time_between_pings_ms',
        'grpc.keepalive_permit_without_calls',
        'grpc.keepalive_time_ms',
        'grpc.keepalive_timeout_ms',
        'grpc.max_receive_message_length',
        'grpc.max_send_message_length',
        'module-path',
        'peer.address',
        'reconnect-timeout-ms',
        'request-timeout-ms',
        'ssl-target-name-override',
      ].sort(),
    );
  });

  it('server has the flags of fabric-chaincode-node server, our timeouts and --auto-write-batch', () => {
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
      'connect-timeout-ms',
      'module-path',
      'request-timeout-ms',
    ]);
  });

  it('declares every flag as a string with help, so the options module converts and checks it', () => {
    for (const table of [startCommandOptions, serverCommandOptions, metadataGenerateOptions]) {
      for (const [name, flag] of Object.entries(table)) {
        expect([name, flag.type]).toEqual([name, 'string']);
        expect(typeof flag.describe).toBe('string');
      }
    }
  });

  it('--auto-write-batch is the same flag in both commands, with its CORE_ variable', () => {
    expect(startCommandOptions['auto-write-batch']).toBe(serverCommandOptions['auto-write-batch']);
    expect(envName('auto-write-batch')).toBe('CORE_AUTO_WRITE_BATCH');
    expect(envName('grpc.http2.min_time_between_pings_ms')).toBe('CORE_GRPC_HTTP2_MIN_TIME_BETWEEN_PINGS_MS');
  });
});
