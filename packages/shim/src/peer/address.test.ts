import { parseHostPort } from './address';

describe('parseHostPort', () => {
  it.each([
    ['peer0.org1.example.com:7051', { host: 'peer0.org1.example.com', port: 7051 }],
    ['127.0.0.1:7052', { host: '127.0.0.1', port: 7052 }],
    ['[::1]:7052', { host: '[::1]', port: 7052 }],
    ['grpcs://peer0:443', { host: 'peer0', port: 443 }],
    ['GRPC://peer0:1', { host: 'peer0', port: 1 }],
    [' peer_0:65535 ', { host: 'peer_0', port: 65535 }],
  ])('splits %s', (address, expected) => {
    expect(parseHostPort(address)).toEqual(expected);
  });

  it.each([
    ['', 'it is empty'],
    ['127.0.0.1', '"127.0.0.1" has no port (give host:port, e.g. 127.0.0.1:7052)'],
    ['[::1]', '"[::1]" has no port (give host:port, e.g. 127.0.0.1:7052)'],
    ['::1:7051', '"::1:7051" is not host:port (host "::1")'],
    [':7051', '":7051" has no host (give host:port, e.g. 127.0.0.1:7052)'],
    ['peer:', '"peer:" has no valid port (""; a number from 1 to 65535)'],
    ['peer:0', '"peer:0" has no valid port ("0"; a number from 1 to 65535)'],
    ['peer:65536', '"peer:65536" has no valid port ("65536"; a number from 1 to 65535)'],
    ['peer:7051/x', '"peer:7051/x" has no valid port ("7051/x"; a number from 1 to 65535)'],
    ['http://peer:7051', '"http://peer:7051" is not host:port (host "http://peer")'],
    ['pe er:7051', '"pe er:7051" is not host:port (host "pe er")'],
  ])('says what is wrong with %j', (address, problem) => {
    expect(parseHostPort(address)).toEqual({ problem });
  });

  it('accepts port 0 only for a server (any free port)', () => {
    expect(parseHostPort('0.0.0.0:0', true)).toEqual({ host: '0.0.0.0', port: 0 });
    expect(parseHostPort('0.0.0.0:0')).toHaveProperty('problem');
  });
});
