import { cc, failure, useTempDir } from '../../test-utils/run-cc';

const tempDir = useTempDir();

describe('cc invoke / cc query', () => {
  it('cc invoke without a running cc dev', async () => {
    const { line } = failure(await cc(['invoke', 'CreateAsset', 'a1'], { cwd: tempDir() }));
    expect(line).toMatch(/^chaincode: no running cc dev session for /);
  });
});
