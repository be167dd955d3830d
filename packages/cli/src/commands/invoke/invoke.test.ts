import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cc, failure } from '../../test-utils/run-cc';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'cc-cli-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('cc invoke / cc query', () => {
  it('cc invoke without a running cc dev', async () => {
    const { line } = failure(await cc(['invoke', 'CreateAsset', 'a1'], { cwd: dir }));
    expect(line).toMatch(/^cc: no running cc dev session for /);
  });
});
