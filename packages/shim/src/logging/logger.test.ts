import { configureLogging, resetLogging, shimLogger, userLogger } from './logger';

const saved = {
  level: process.env.CORE_CHAINCODE_LOGGING_LEVEL,
  shim: process.env.CORE_CHAINCODE_LOGGING_SHIM,
  format: process.env.CORE_CHAINCODE_LOGGING_FORMAT,
};
afterEach(() => {
  delete process.env.CORE_CHAINCODE_LOGGING_LEVEL;
  delete process.env.CORE_CHAINCODE_LOGGING_SHIM;
  delete process.env.CORE_CHAINCODE_LOGGING_FORMAT;
  if (saved.level !== undefined) process.env.CORE_CHAINCODE_LOGGING_LEVEL = saved.level;
  if (saved.shim !== undefined) process.env.CORE_CHAINCODE_LOGGING_SHIM = saved.shim;
  if (saved.format !== undefined) process.env.CORE_CHAINCODE_LOGGING_FORMAT = saved.format;
  resetLogging();
});

function capture(): string[] {
  const lines: string[] = [];
  configureLogging({ sink: (line) => lines.push(line) });
  return lines;
}

describe('logging honours CORE_CHAINCODE_LOGGING_* without any call from the application', () => {
  it('CORE_CHAINCODE_LOGGING_LEVEL quiets the INFO lines of the shim and of user loggers', () => {
    process.env.CORE_CHAINCODE_LOGGING_LEVEL = 'WARNING';
    resetLogging();
    const lines = capture();
    shimLogger('client').info('registering with the peer');
    userLogger('contract').info('hello');
    shimLogger('client').warning('careful');
    expect(lines).toEqual([expect.stringMatching(/ WARNING \[shim:client\] careful$/)]);
  });

  it('CORE_CHAINCODE_LOGGING_SHIM sets the shim apart from user loggers', () => {
    process.env.CORE_CHAINCODE_LOGGING_LEVEL = 'debug';
    process.env.CORE_CHAINCODE_LOGGING_SHIM = 'error';
    resetLogging();
    const lines = capture();
    shimLogger('client').warning('not shown');
    userLogger('contract').debug('shown');
    expect(lines).toEqual([expect.stringMatching(/ DEBUG \[contract\] shown$/)]);
  });

  it('CORE_CHAINCODE_LOGGING_FORMAT=json writes JSON lines; configureLogging overrides the variables', () => {
    process.env.CORE_CHAINCODE_LOGGING_FORMAT = 'json';
    process.env.CORE_CHAINCODE_LOGGING_LEVEL = 'critical';
    resetLogging();
    const lines = capture();
    configureLogging({ level: 'info' });
    userLogger('contract').info('hello', { n: 1 });
    expect(JSON.parse(lines[0]!)).toMatchObject({ level: 'info', logger: 'contract', msg: 'hello', n: 1 });
  });
});
