import { Exclude, instanceToPlain, plainToInstance } from 'class-transformer';
import { noTransformMetadata, toInstance, toPlain } from './class-transform';

// The direct walks against class-transformer itself, value by value: the same JSON, the same
// instances, the same calls of getters, methods and setters, the same errors.

class Asset {
  id = '';
  owner = 'nobody';
  value = 0;
  describe(): string {
    return `${this.id} of ${this.owner}`;
  }
  toJSON(): string {
    return 'toJSON is not what class-transformer uses';
  }
}

class WithAccessors {
  #reads = 0;
  #stored: unknown = 'initial';
  get readOnly(): string {
    return 'prototype getter';
  }
  get both(): unknown {
    this.#reads += 1;
    return this.#stored;
  }
  set both(value: unknown) {
    this.#stored = value;
  }
  get reads(): number {
    return this.#reads;
  }
}

function counting(): { object: Record<string, unknown>; reads: () => number } {
  let reads = 0;
  const object: Record<string, unknown> = { plain: 1 };
  Object.defineProperty(object, 'ticking', {
    enumerable: true,
    get: () => {
      reads += 1;
      return reads;
    },
  });
  return { object, reads: () => reads };
}

const json = (value: unknown): string | undefined => JSON.stringify(value);

/** What a call gives: its JSON, or the error it throws. */
function outcome(run: () => unknown): { json?: string; error?: unknown } {
  try {
    return { json: json(run()) };
  } catch (error) {
    return { error };
  }
}

describe('toPlain (instanceToPlain without metadata)', () => {
  const asset = Object.assign(new Asset(), { id: 'a1', owner: 'alice', value: 7 });
  const withMethod = {
    n: 1,
    compute: function (this: { n: number }) {
      return this.n + 41;
    },
  };
  const sparse = [1, , 3]; // eslint-disable-line no-sparse-arrays
  const cases: Record<string, unknown> = {
    string: 'text',
    number: 12.5,
    nan: Number.NaN,
    boolean: false,
    null: null,
    undefined: undefined,
    'plain object': { a: 1, b: 'two', c: [true, null, { d: 'deep' }], e: undefined },
    'class instance (prototype toJSON and methods ignored)': asset,
    'array of instances': [asset, asset],
    'sparse array (holes dropped)': sparse,
    'own method (called)': withMethod,
    'Set (as an array)': new Set([1, 'two', { three: 3 }]),
    Map: new Map<unknown, unknown>([
      ['a', 1],
      ['__proto__', 'skipped'],
      ['constructor', 'skipped'],
      [7, { nested: new Map([['x', [1, 2]]]) }],
    ]),
    'Date (copied)': { when: new Date(1_700_000_000_000) },
    'Buffer (copied)': { bytes: Buffer.from('abc') },
    'JSON with a __proto__ key': JSON.parse('{"__proto__": {"polluted": true}, "kept": 1}') as unknown,
    'own constructor key (class-transformer throws)': { constructor: 'x', kept: true },
    'own constructor key, falsy': { constructor: 0, kept: true },
    'numeric keys first': { b: 1, 2: 'two', a: 3, 1: 'one' },
    'function in an array (kept, then null in JSON)': [() => 1, 2],
    'object without a prototype': Object.assign(Object.create(null) as object, { a: 1 }),
    accessors: new WithAccessors(),
  };

  for (const [name, value] of Object.entries(cases)) {
    it(`gives class-transformer's result for ${name}`, () => {
      expect(outcome(() => toPlain(value))).toEqual(outcome(() => instanceToPlain(value)));
    });
  }

  it('reads an own getter as often as class-transformer does, and uses the later reads as it does', () => {
    const a = counting();
    const b = counting();
    const ours = toPlain(a.object);
    const theirs = instanceToPlain(b.object);
    expect(ours).toEqual(theirs);
    expect(a.reads()).toBe(b.reads());
  });

  it('leaves a thenable to class-transformer (it answers a promise)', async () => {
    const thenable = Promise.resolve({ x: 1 });
    const ours = toPlain({ pending: thenable });
    expect(json(ours)).toEqual(json(instanceToPlain({ pending: thenable })));
    await expect((ours as { pending: Promise<unknown> }).pending).resolves.toEqual({ x: 1 });
  });

  it('throws what class-transformer throws (a failing getter)', () => {
    const failing = {};
    Object.defineProperty(failing, 'broken', {
      enumerable: true,
      get: () => {
        throw new RangeError('no value');
      },
    });
    expect(() => instanceToPlain(failing)).toThrow(new RangeError('no value'));
    expect(() => toPlain(failing)).toThrow(new RangeError('no value'));
  });
});

describe('toInstance (plainToInstance without metadata)', () => {
  const inputs: Record<string, string> = {
    'the fields': '{"id":"a1","owner":"alice","value":7}',
    'a missing field (the initializer stays)': '{"id":"a1"}',
    'an extra field': '{"id":"a1","extra":{"deep":[1,{"x":null}]}}',
    'a method name (skipped)': '{"id":"a1","describe":"not a function","toString":"x"}',
    '__proto__ and constructor keys (skipped)': '{"__proto__":{"bad":1},"constructor":"x","id":"a1"}',
    'nested keys named like Object.prototype members (skipped)': '{"extra":{"hasOwnProperty":1,"valueOf":2,"kept":3}}',
    'arrays of objects': '{"list":[{"a":1},[{"b":2}],"s"]}',
  };

  for (const [name, text] of Object.entries(inputs)) {
    it(`gives class-transformer's instance for ${name}`, () => {
      const ours = toInstance(Asset, JSON.parse(text) as Record<string, unknown>);
      const theirs = plainToInstance(Asset, JSON.parse(text) as Record<string, unknown>);
      expect(ours).toBeInstanceOf(Asset);
      expect(ours).toEqual(theirs);
      expect(Object.keys(ours)).toEqual(Object.keys(theirs));
      expect(json(instanceToPlain(ours))).toEqual(json(instanceToPlain(theirs)));
    });
  }

  it('skips a getter without a setter and goes through a getter with one, as class-transformer', () => {
    const text = '{"readOnly":"ignored","both":"set"}';
    const ours = toInstance(WithAccessors, JSON.parse(text) as Record<string, unknown>) as WithAccessors;
    const theirs = plainToInstance(WithAccessors, JSON.parse(text) as Record<string, unknown>);
    expect(ours.readOnly).toBe(theirs.readOnly);
    expect(ours.reads).toBe(theirs.reads);
    expect(ours.both).toBe('set');
    expect(theirs.both).toBe('set');
  });

  it('leaves a nested object with its own constructor key to class-transformer (same error)', () => {
    const text = '{"id":"a1","extra":{"constructor":"not a class"}}';
    let theirs: unknown;
    try {
      plainToInstance(Asset, JSON.parse(text) as Record<string, unknown>);
    } catch (err) {
      theirs = err;
    }
    expect(theirs).toBeInstanceOf(TypeError);
    expect(() => toInstance(Asset, JSON.parse(text) as Record<string, unknown>)).toThrow(theirs as TypeError);
  });

  it('calls the constructor once per object', () => {
    let constructed = 0;
    class Counted {
      constructor() {
        constructed += 1;
      }
    }
    toInstance(Counted, { a: 1, b: { c: 2 } });
    expect(constructed).toBe(1);
  });
});

describe('once a class-transformer decorator is registered', () => {
  it('leaves the work to class-transformer, which applies it', () => {
    expect(noTransformMetadata()).toBe(true);
    class Secretive {
      visible = 'shown';
      secret = 'hidden';
    }
    Exclude()(Secretive.prototype, 'secret');
    expect(noTransformMetadata()).toBe(false);
    expect(toPlain(Object.assign(new Secretive(), { secret: 's' }))).toEqual({ visible: 'shown' });
    expect(toInstance(Secretive, { visible: 'v', secret: 's' })).toEqual(
      plainToInstance(Secretive, { visible: 'v', secret: 's' }),
    );
  });
});
