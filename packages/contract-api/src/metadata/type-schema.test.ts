import { applySchemaOptions, resolveDesignType, schemaForTypeName } from './type-schema';

describe('schemaForTypeName (the official type strings)', () => {
  it.each([
    ['string', { type: 'string' }],
    ['String', { type: 'string' }],
    ['number', { type: 'number' }],
    ['boolean', { type: 'boolean' }],
    ['integer', { type: 'integer' }],
    ['Asset', { $ref: '#/components/schemas/Asset' }],
    ['string[]', { type: 'array', items: { type: 'string' } }],
    ['Array<Asset>', { type: 'array', items: { $ref: '#/components/schemas/Asset' } }],
    ['number[][]', { type: 'array', items: { type: 'array', items: { type: 'number' } } }],
    ['Map<string, number>', { type: 'object', additionalProperties: { type: 'number' } }],
    ['Map<string,Asset>', { type: 'object', additionalProperties: { $ref: '#/components/schemas/Asset' } }],
  ])('%s', (type, schema) => {
    expect(schemaForTypeName(type)).toEqual(schema);
  });

  it('writes bare references for properties', () => {
    expect(schemaForTypeName('Asset[]', false)).toEqual({ type: 'array', items: { $ref: 'Asset' } });
  });
});

describe('resolveDesignType', () => {
  it('maps constructors', () => {
    expect(resolveDesignType(String)).toEqual({ typeName: 'String' });
    expect(resolveDesignType(Array)).toEqual({ schema: { type: 'array' } });
    expect(resolveDesignType(Date)).toEqual({ schema: { type: 'string', format: 'date-time' } });
    expect(resolveDesignType(Object)).toEqual({ unusable: 'Object' });
    expect(resolveDesignType(undefined)).toEqual({ unusable: 'undefined' });
  });
});

describe('applySchemaOptions', () => {
  it('adds JSON Schema keywords without touching the input', () => {
    const base = { type: 'number' };
    expect(applySchemaOptions(base, { integer: true, minimum: 0, maximum: 9 })).toEqual({
      type: 'integer',
      minimum: 0,
      maximum: 9,
    });
    expect(base).toEqual({ type: 'number' });
    expect(applySchemaOptions({ type: 'string' }, { pattern: '^a', enum: ['a', 'ab'], format: 'email' })).toEqual({
      type: 'string',
      pattern: '^a',
      enum: ['a', 'ab'],
      format: 'email',
    });
  });
});
