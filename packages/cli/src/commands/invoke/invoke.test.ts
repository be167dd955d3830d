import { cc, failure, useTempDir } from '../../test-utils/run-cc';

const tempDir = useTempDir();

describe('chaincode invoke / chaincode query', () => {
  it('without a running chaincode dev', async () => {
    const { line } = failure(await cc(['invoke', 'CreateAsset', 'a1'], { cwd: tempDir() }));
    expect(line).toBe(
      `chaincode: no running chaincode dev session for ${tempDir()} (no .chaincode-dev.json); start one there with chaincode dev (npm run dev)`,
    );
  });

  it('needs a transaction, given once', async () => {
    expect(failure(await cc(['query'], { cwd: tempDir() })).line).toMatch(/^chaincode: name the transaction/);
    expect(failure(await cc(['query', 'X', '-c', '{"Args":["Y"]}'], { cwd: tempDir() })).line).toBe(
      'chaincode: give the call either with -c or as arguments, not both',
    );
    expect(failure(await cc(['query', '-c', '{"Args":[1]}'], { cwd: tempDir() })).line).toBe(
      'chaincode: "Args" must be an array of strings',
    );
  });
});
