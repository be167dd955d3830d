import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import jestConfig from '../../jest.config';

// "No open handles after teardown": run fixtures/teardown.fixture.ts in a child Jest with
// --detectOpenHandles (Jest's own tracking of async resources still holding the process) and read
// its report. --forceExit keeps a leak from hanging this test; Jest still reports it.
describe('dev network teardown', () => {
  it('leaves no open handles (jest --detectOpenHandles is clean)', () => {
    const root = join(__dirname, '..', '..');
    const [project] = (jestConfig.projects ?? []) as { transform?: unknown; moduleNameMapper?: unknown }[];
    const config = {
      rootDir: join(__dirname, 'fixtures'),
      testEnvironment: 'node',
      testMatch: ['**/teardown.fixture.ts'],
      testPathIgnorePatterns: ['/node_modules/'],
      transform: project?.transform,
      moduleNameMapper: project?.moduleNameMapper,
      testTimeout: 30000,
    };
    const child = spawnSync(
      process.execPath,
      [
        join(root, 'node_modules', 'jest', 'bin', 'jest.js'),
        '--config',
        JSON.stringify(config),
        '--detectOpenHandles',
        '--forceExit',
        '--ci',
        '--runInBand',
      ],
      { cwd: root, encoding: 'utf8', timeout: 120_000, env: { ...process.env, FORCE_COLOR: '0' } },
    );
    const output = `${child.stdout}\n${child.stderr}`;
    const openHandles = /open handle/i.test(output);
    // The child's report is shown only when something is wrong.
    const report = child.status === 0 && !openHandles ? '' : output.slice(-4000);
    expect({ status: child.status, openHandles, report }).toEqual({ status: 0, openHandles: false, report: '' });
    expect(output).toMatch(/Tests:\s+2 passed, 2 total/);
  });
});
