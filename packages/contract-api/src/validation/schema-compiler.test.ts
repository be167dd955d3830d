import { MetadataError } from '../errors/metadata-error';
import type { SchemaObject } from '../metadata/contract-metadata';
import { createAjv, describeErrors } from './ajv-factory';
import { primitiveCheck } from './primitive-check';
import { SchemaCompiler } from './schema-compiler';

describe('SchemaCompiler', () => {
  const compiler = new SchemaCompiler({
    Pet: {
      $id: 'Pet',
      type: 'object',
      properties: { name: { type: 'string' }, owner: { $ref: 'Person' } },
      required: ['name'],
    },
    Person: { $id: 'Person', type: 'object', properties: { age: { type: 'integer', minimum: 0 } } },
  });

  it('resolves full and bare references to complex types', () => {
    const check = compiler.compile({ $ref: '#/components/schemas/Pet' });
    expect(check({ name: 'rex', owner: { age: 3 } })).toBeUndefined();
    expect(check({ owner: { age: -1 } })).toBe("must have required property 'name'; /owner/age must be >= 0");
  });

  it('checks formatMinimum / formatMaximum (ajv-formats on the same ajv as ours)', () => {
    const after2024 = compiler.compile({ type: 'string', format: 'date', formatMinimum: '2024-01-01' });
    expect(after2024('2025-06-30')).toBeUndefined();
    expect(after2024('2023-12-31')).toBe('should be >= 2024-01-01');
  });

  it('checks formats, patterns, enums and finite numbers', () => {
    expect(compiler.compile({ type: 'string', format: 'date-time' })('2024-01-01T00:00:00Z')).toBeUndefined();
    expect(compiler.compile({ type: 'string', format: 'date-time' })('yesterday')).toBe(
      'must match format "date-time"',
    );
    expect(compiler.compile({ type: 'string', enum: ['a', 'b'] })('c')).toBe(
      'must be equal to one of the allowed values (["a","b"])',
    );
    expect(compiler.compile({ type: 'number' })(Infinity)).toBe('must be number');
    expect(compiler.compile({ type: 'integer' })(1.5)).toBe('must be integer');
  });

  it('checks the formats of complex types, whichever schema uses them first', () => {
    const dated = new SchemaCompiler({
      Event: { $id: 'Event', type: 'object', properties: { at: { type: 'string', format: 'date' } } },
    });
    expect(dated.compile({ $ref: 'Event' })({ at: '2024-02-30' })).toBe('/at must match format "date"');
    expect(dated.compile({ $ref: 'Event' })({ at: '2024-02-28' })).toBeUndefined();

    const plain = new SchemaCompiler({ Box: { $id: 'Box', type: 'object', properties: { n: { type: 'number' } } } });
    expect(plain.compile({ $ref: 'Box' })({ n: 1 })).toBeUndefined();
    expect(plain.compile({ type: 'string', format: 'email' })('nobody')).toBe('must match format "email"');
  });

  it('fails at creation when a complex type refers to an unknown type', () => {
    expect(
      () => new SchemaCompiler({ Bad: { $id: 'Bad', type: 'object', properties: { x: { $ref: 'Missing' } } } }),
    ).toThrow(MetadataError);
  });

  it('throws from compile for an unusable parameter schema', () => {
    expect(() => compiler.compile({ $ref: '#/components/schemas/Unknown' })).toThrow();
  });
});

describe('primitive schemas, checked without ajv', () => {
  const values: unknown[] = [
    '',
    'text',
    '5',
    0,
    -0,
    7,
    -3,
    1.5,
    2 ** 53,
    Number.MAX_VALUE,
    Number.MIN_VALUE,
    NaN,
    Infinity,
    -Infinity,
    true,
    false,
    null,
    undefined,
    [],
    [1],
    {},
    { type: 'string' },
    new Date(0),
    10n,
    Symbol('s'),
    () => 1,
  ];
  const schemas = [
    { type: 'string' },
    { type: 'number' },
    { type: 'integer' },
    { type: 'boolean' },
    { type: 'number', description: 'an amount', title: 'Amount', $comment: 'annotations only' },
  ];

  it.each(schemas)('%j answers what ajv answers, for every kind of value', (schema) => {
    const check = primitiveCheck(schema);
    expect(check).toBeDefined();
    const ajv = createAjv({ formats: 'when-used' }).compile(schema);
    for (const value of values) {
      const byAjv = ajv(value) ? undefined : describeErrors(ajv.errors);
      expect({ value, answer: check?.(value) }).toEqual({ value, answer: byAjv });
    }
  });

  it('leaves every other schema to ajv', () => {
    for (const schema of [
      { type: 'string', format: 'date' },
      { type: 'string', minLength: 1 },
      { type: 'number', default: 1 },
      { type: 'null' },
      { type: ['string', 'number'] },
      { type: 'object' },
      { $ref: 'Pet' },
      {},
    ]) {
      expect({ schema, primitive: primitiveCheck(schema as SchemaObject) }).toEqual({ schema, primitive: undefined });
    }
  });
});
