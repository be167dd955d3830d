import { applySchemaOptions, schemaForDesignType, schemaForTypeName } from './type-schema';

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

describe('schemaForDesignType', () => {
  it('maps constructors', () => {
    expect(schemaForDesignType(String)).toEqual({ type: 'string' });
    expect(schemaForDesignType(Number)).toEqual({ type: 'number' });
    expect(schemaForDesignType(Array)).toEqual({ type: 'array' });
    expect(schemaForDesignType(Date)).toEqual({ type: 'string', format: 'date-time' });
    class Asset {}
    expect(schemaForDesignType(Asset)).toEqual({ $ref: '#/components/schemas/Asset' });
    expect(schemaForDesignType(Asset, false)).toEqual({ $ref: 'Asset' });
    expect(schemaForDesignType('Asset[]')).toEqual({ type: 'array', items: { $ref: '#/components/schemas/Asset' } });
  });

  it('answers undefined (not recorded) for no design type and for Object, whatever else was recorded', () => {
    expect(schemaForDesignType(undefined)).toBeUndefined();
    expect(schemaForDesignType(null)).toBeUndefined();
    expect(schemaForDesignType(Object)).toBeUndefined();
    expect(schemaForDesignType('')).toBeUndefined();
    expect(schemaForDesignType(42)).toBeUndefined();
  });

  it('reads an enum object (what Babel records) as the type of its values, as tsc and swc record it', () => {
    enum Numeric {
      A,
      B = 5,
      C = -1,
    }
    enum Text {
      A = 'a',
      B = 'b',
    }
    expect(schemaForDesignType(Numeric)).toEqual({ type: 'number' });
    expect(schemaForDesignType(Text)).toEqual({ type: 'string' });
    expect(schemaForDesignType({ A: 0, B: 'b' })).toBeUndefined();
    expect(schemaForDesignType({})).toBeUndefined();
    expect(schemaForDesignType({ A: true })).toBeUndefined();
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
