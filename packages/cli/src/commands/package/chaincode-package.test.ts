import { CliError } from '../../errors/cli-error';
import { checkLabel } from './chaincode-package';

describe('package labels, as the peer checks them on install', () => {
  it.each(['basic_1.0', 'asset-cc_1.2.0', 'a', 'A9+build.7', 'x-y_z.w+v'])('accepts %s', (label) => {
    expect(checkLabel(label)).toBe(label);
  });

  it.each(['', '_basic', 'basic_', 'basic.', 'a..b', 'a_-b', 'bad label!', 'a:b', 'a@b', 'a/b'])(
    'refuses "%s" with an INVALID_ARGUMENT CliError',
    (label) => {
      expect(() => checkLabel(label)).toThrow(CliError);
      expect(() => checkLabel(label)).toThrow(expect.objectContaining({ code: 'CC_CLI_INVALID_ARGUMENT' }));
    },
  );
});
