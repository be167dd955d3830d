import { configureLogging, resetLogging } from '../logging/logger';
import { createContractLogging } from './context-logging';

describe('ctx.logging', () => {
  const lines: string[] = [];

  beforeEach(() => {
    lines.length = 0;
    configureLogging({ level: 'info', sink: (line) => lines.push(line) });
  });

  afterEach(() => {
    resetLogging();
  });

  it('names loggers after the contract and formats arguments as util.format does', () => {
    const logging = createContractLogging('assets');
    logging.getLogger().info('created %s', 'a1', { size: 3 });
    logging.getLogger('audit').warn('odd', 42);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/INFO \[assets\] created a1 \{ size: 3 \}$/);
    expect(lines[1]).toMatch(/WARNING \[assets:audit\] odd 42$/);
    expect(logging.getLogger('audit')).toBe(logging.getLogger('audit'));
  });

  it('setLevel takes Fabric level names and ignores unknown ones', () => {
    const logging = createContractLogging('assets');
    logging.getLogger().debug('hidden');
    logging.setLevel('DEBUG');
    logging.getLogger().debug('shown');
    logging.setLevel('nonsense');
    logging.getLogger().debug('still shown');
    expect(lines.map((l) => l.replace(/^\S+ /, ''))).toEqual(['DEBUG [assets] shown', 'DEBUG [assets] still shown']);
  });
});
