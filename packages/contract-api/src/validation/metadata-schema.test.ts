import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ValidateFunction } from 'ajv';
import { createAjv, describeErrors } from './ajv-factory';
import { contractMetadataSchema } from './metadata-schema';

const packageRoot = join(__dirname, '..', '..');
const builtDir = join(packageRoot, 'dist', 'validation');
const precompiledFile = join(builtDir, 'contract-schema-validator.js');
const templateMetadata = join(packageRoot, '..', '..', 'templates', 'javascript', 'contract-metadata', 'metadata.json');

type Doc = Record<string, unknown>;
const base = JSON.parse(readFileSync(templateMetadata, 'utf8')) as Doc;
const firstContract = (doc: Doc): Doc => Object.values(doc.contracts as Record<string, Doc>)[0] as Doc;

/** Valid and invalid metadata documents, each changed from the JavaScript template's file. */
const documents: Record<string, (doc: Doc) => void> = {
  'the template as it is': () => undefined,
  'no info': (doc) => delete doc.info,
  'a contract without transactions': (doc) => delete firstContract(doc).transactions,
  'a name that is a number': (doc) => (firstContract(doc).name = 5),
  'tags that are not a list': (doc) => ((firstContract(doc).transactions as Doc[])[0]!.tag = 'SUBMIT'),
  'a parameter schema with a type that is no JSON type': (doc) => {
    const params = (firstContract(doc).transactions as Doc[])[0]!.parameters as Doc[];
    params[0]!.schema = { type: 'strin' };
  },
  'a contact email that is not one': (doc) => ((doc.info as Doc).contact = { email: 'nobody' }),
  'a pattern that is not a regular expression': (doc) => {
    const params = (firstContract(doc).transactions as Doc[])[0]!.parameters as Doc[];
    params[0]!.schema = { type: 'string', pattern: '([a-z' };
  },
  'components with a schema that is not an object': (doc) => (doc.components = { schemas: { Asset: 7 } }),
};

function answer(validate: ValidateFunction, doc: Doc): string | undefined {
  return validate(structuredClone(doc)) ? undefined : describeErrors(validate.errors);
}

describe('the metadata schema precompiled by the build (ajv standalone code)', () => {
  it('exists next to the built metadata-schema.js (npm run build writes it)', () => {
    expect({ file: precompiledFile, exists: existsSync(precompiledFile) }).toEqual({
      file: precompiledFile,
      exists: true,
    });
  });

  it('answers every document as the schema compiled now does', () => {
    const precompiled = require(precompiledFile) as ValidateFunction;
    const compiled = createAjv().compile(contractMetadataSchema());
    const invalid: string[] = [];
    for (const [name, change] of Object.entries(documents)) {
      const doc = structuredClone(base);
      change(doc);
      const expected = answer(compiled, doc);
      if (expected !== undefined) invalid.push(name);
      expect({ name, answer: answer(precompiled, doc) }).toEqual({ name, answer: expected });
    }
    expect(invalid).toEqual(Object.keys(documents).slice(1));
  });

  it('is what the built package validates with: a metadata file is checked without compiling ajv', () => {
    const script = `
      const m = require(${JSON.stringify(join(builtDir, 'metadata-schema.js'))});
      const doc = JSON.parse(require('node:fs').readFileSync(${JSON.stringify(templateMetadata)}, 'utf8'));
      m.validateContractMetadata(doc);
      delete doc.info;
      let message = '';
      try { m.validateContractMetadata(doc); } catch (err) { message = err.code + ' ' + err.message; }
      const compiler = Object.keys(require.cache).filter((f) => /ajv[\\\\/]dist[\\\\/](core|compile)/.test(f));
      process.stdout.write(JSON.stringify({ message, compiler }));
    `;
    const run = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toEqual({
      message: "CC_API_METADATA_SCHEMA Contract metadata does not match the schema: must have required property 'info'",
      compiler: [],
    });
  });
});
