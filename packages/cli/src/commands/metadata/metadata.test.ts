import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { EXIT_FAILED } from '../../entry';
import { cc, failure, fixtures, jsTemplate, useTempDir } from '../../test-utils/run-cc';

const tempDir = useTempDir();

describe('chaincode metadata: module problems', () => {
  it('a module that throws while loading: the first line of its error', async () => {
    const run = await cc(['metadata', 'generate', '--module-path', join(fixtures, 'throws-on-load')]);
    expect(failure(run).line).toBe(
      `chaincode: cannot load the contract module in ${join(fixtures, 'throws-on-load')}: database URL is not configured`,
    );
  });
});

describe('metadata', () => {
  it('generate prints the metadata, validate accepts it', async () => {
    const run = await cc(['metadata', 'generate', '--module-path', jsTemplate]);
    expect(run.error).toBeUndefined();
    const metadata = JSON.parse(run.stdout);
    expect(Object.keys(metadata.contracts)).toContain('AssetContract');
    expect(run.stdout).toContain('\n    "'); // indented by 4, as the official
    writeFileSync(join(tempDir(), 'm.json'), run.stdout);
    const valid = await cc(['metadata', 'validate', join(tempDir(), 'm.json')]);
    expect(valid.error).toBeUndefined();
    expect(valid.stdout).toContain('is valid contract metadata (contracts: AssetContract');
  });

  it('generate --file adds .json when the name has no extension', async () => {
    const run = await cc(['metadata', 'generate', '-p', jsTemplate, '--file', 'out/meta'], { cwd: tempDir() });
    expect(run.error).toBeUndefined();
    expect(JSON.parse(readFileSync(join(tempDir(), 'out', 'meta.json'), 'utf8')).contracts).toBeDefined();
  });

  it('validate refuses what is not metadata, in one line', async () => {
    writeFileSync(join(tempDir(), 'bad.json'), JSON.stringify({ contracts: 'nope' }));
    const { line, code } = failure(await cc(['metadata', 'validate', join(tempDir(), 'bad.json')]));
    expect(line).toMatch(/^chaincode: .*does not match the schema/);
    expect(code).toBe(EXIT_FAILED);
    writeFileSync(join(tempDir(), 'text.json'), 'hello');
    expect(failure(await cc(['metadata', 'validate', join(tempDir(), 'text.json')])).line).toMatch(/is not JSON/);
  });
});

describe('module problems found before loading', () => {
  it('a TypeScript project that was not built', async () => {
    const project = join(tempDir(), 'unbuilt');
    mkdirSync(project);
    writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'unbuilt', main: 'dist/index.js' }));
    const { line } = failure(await cc(['metadata', 'generate', '-p', project]));
    expect(line).toBe(
      `chaincode: cannot load the contract module in ${project}: its main dist/index.js does not exist (build the project first, e.g. npm run build)`,
    );
  });

  it('a directory without package.json', async () => {
    const { line } = failure(await cc(['metadata', 'generate', '-p', tempDir()]));
    expect(line).toBe(`chaincode: cannot load the contract module: no package.json in ${tempDir()}`);
  });
});
