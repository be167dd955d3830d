import { Object as ObjectType, Property } from '../index';
import type { SchemaObject } from '../metadata/contract-metadata';
import type { FullSchema } from './json-serializer';
import { JSONSerializer } from './json-serializer';
import { ParameterConversionError } from './parameter-reader';

@ObjectType()
class JsPoint {
  @Property()
  x: number = 0;

  @Property()
  y: number = 0;

  norm(): number {
    return Math.abs(this.x) + Math.abs(this.y);
  }
}

const components = { JsPoint: { $id: 'JsPoint', type: 'object' as const, properties: { x: { type: 'number' } } } };
const full = (prop: SchemaObject): FullSchema => ({ properties: { prop }, components: { schemas: components } });
const text = (b: Buffer | undefined): string | undefined => b?.toString('utf8');

describe('JSONSerializer.toBuffer', () => {
  const serializer = new JSONSerializer();

  it('sends nothing for undefined and null', () => {
    expect(serializer.toBuffer(undefined)).toBeUndefined();
    expect(serializer.toBuffer(null)).toBeUndefined();
  });

  it('sends primitives as text, whatever @Returns says (as the official)', () => {
    expect(text(serializer.toBuffer('abc'))).toBe('abc');
    expect(text(serializer.toBuffer(42, { type: 'string' }))).toBe('42');
    expect(text(serializer.toBuffer(false))).toBe('false');
  });

  it('sends objects as JSON of their plain form', () => {
    const p = Object.assign(new JsPoint(), { y: 2, x: 1 });
    expect(text(serializer.toBuffer(p))).toBe('{"x":1,"y":2}');
    expect(text(serializer.toBuffer([p, 'a']))).toBe('[{"x":1,"y":2},"a"]');
  });

  it('sorts keys when deterministic', () => {
    const det = new JSONSerializer({ deterministic: true });
    expect(text(det.toBuffer({ b: 1, a: { d: 1, c: 2 } }))).toBe('{"a":{"c":2,"d":1},"b":1}');
  });
});

describe('JSONSerializer.fromBuffer', () => {
  const serializer = new JSONSerializer();
  const read = (data: string, prop: SchemaObject): unknown =>
    serializer.fromBuffer(Buffer.from(data), full(prop)).value;

  it('converts by schema type', () => {
    expect(read('raw "text"', { type: 'string' })).toBe('raw "text"');
    expect(read(' 7 ', { type: 'number' })).toBe(7);
    expect(read(' TRUE ', { type: 'boolean' })).toBe(true);
    expect(read('["a","b"]', { type: 'array', items: { type: 'string' } })).toEqual(['a', 'b']);
    expect(read('{"type":"Buffer","data":[104,105]}', { type: 'null' })).toEqual(Buffer.from('hi'));
    expect(read('not json', { type: 'null' })).toBe('not json');
  });

  it('makes @Object instances from JSON (and arrays of them)', () => {
    const p = read('{"x":3,"y":-4}', { $ref: '#/components/schemas/JsPoint' });
    expect(p).toBeInstanceOf(JsPoint);
    expect((p as JsPoint).norm()).toBe(7);
    const list = read('[{"x":1,"y":1}]', { type: 'array', items: { $ref: '#/components/schemas/JsPoint' } });
    expect((list as unknown[])[0]).toBeInstanceOf(JsPoint);
  });

  it('answers the JSON form for validation', () => {
    const out = serializer.fromBuffer(Buffer.from('{"x":1}'), full({ $ref: '#/components/schemas/JsPoint' }));
    expect(out.validateData).toEqual({ x: 1 });
    expect(out.validateData).not.toBeInstanceOf(JsPoint);
  });

  it('rejects what cannot be converted, saying why', () => {
    expect(() => read('abc', { type: 'number' })).toThrow(new ParameterConversionError('"abc" is not a number'));
    expect(() => read('yes', { type: 'boolean' })).toThrow('"yes" is not a boolean (true or false)');
    expect(() => read('{"a":1}', { type: 'array' })).toThrow('is not a JSON array');
    expect(() => read('{', { $ref: 'JsPoint' })).toThrow('is not a JSON object (JsPoint)');
    expect(() => read('{}', { $ref: 'Nowhere' })).toThrow('unknown type Nowhere');
    expect(() => read('x', { format: 'email' })).toThrow('Incorrect type information {"format":"email"}');
  });

  it('does not let __proto__ in arguments pollute prototypes', () => {
    const p = read('{"x":1,"__proto__":{"polluted":true}}', { $ref: 'JsPoint' });
    expect(p).toBeInstanceOf(JsPoint);
    expect(({} as { polluted?: boolean }).polluted).toBeUndefined();
    expect((p as { polluted?: boolean }).polluted).toBeUndefined();
  });
});
