/**
 * PouchDB implements CouchDB's Mango selectors and view collation in JavaScript
 * (pouchdb-selector-core, pouchdb-collate). The dev peer does not use them at run time because they
 * differ from CouchDB in the places listed below; here they serve as an independent oracle where
 * they agree with CouchDB, on seeded random data, and the differences are pinned down so that a
 * new PouchDB release that closes one shows up.
 */
import { collate } from '../../packages/dev-peer/src/query/collation';
import type { EJson } from '../../packages/dev-peer/src/query/ejson';
import { decodeWhole } from '../../packages/dev-peer/src/query/go-json-decode';
import { matchesSelector } from '../../packages/dev-peer/src/query/selector-match';
import { normalizeSelector } from '../../packages/dev-peer/src/query/selector-normalize';
import { SeededRandom } from '../support/seeded-random';

// The PouchDB packages ship no type declarations.
const pouchCollate = (require('pouchdb-collate') as { collate: (a: unknown, b: unknown) => number }).collate;
const pouchMatches = (
  require('pouchdb-selector-core') as { matchesSelector: (doc: unknown, selector: unknown) => boolean }
).matchesSelector;

/** A JavaScript value as the dev peer reads it from a document Fabric stored. */
function ejson(value: unknown): EJson {
  const decoded = decodeWhole(JSON.stringify(value), 'float64');
  if (!decoded.ok) throw new Error(decoded.error);
  return decoded.value;
}

function selector(value: object | string) {
  const decoded = decodeWhole(typeof value === 'string' ? value : JSON.stringify(value), 'literal');
  if (!decoded.ok || !(decoded.value instanceof Map)) throw new Error('not a selector');
  return normalizeSelector(decoded.value);
}

/** A value without strings (where PouchDB's collation is CouchDB's), objects keyed by single letters. */
function stringFree(random: SeededRandom, depth = 0): unknown {
  const kind = random.int(0, depth > 2 ? 3 : 5);
  switch (kind) {
    case 0:
      return null;
    case 1:
      return random.chance(0.5);
    case 2:
      return random.int(-5, 5);
    case 3:
      return random.int(-50, 50) / 4;
    case 4:
      return Array.from({ length: random.int(0, 3) }, () => stringFree(random, depth + 1));
    default: {
      const keys = [...new Set(Array.from({ length: random.int(0, 3) }, () => random.pick(['a', 'b', 'c'])))].sort();
      return Object.fromEntries(keys.map((k) => [k, stringFree(random, depth + 1)]));
    }
  }
}

describe('PouchDB as an oracle for CouchDB collation', () => {
  it('agrees on 2000 random pairs of values without strings', () => {
    const random = new SeededRandom(20240611);
    for (let i = 0; i < 2000; i++) {
      const a = stringFree(random);
      const b = stringFree(random);
      const ours = Math.sign(collate(ejson(a), ejson(b)));
      const theirs = Math.sign(pouchCollate(a, b));
      expect({ i, a, b, ours }).toEqual({ i, a, b, ours: theirs });
    }
  });

  it('differs on strings: PouchDB compares UTF-16 code units, CouchDB uses ICU', () => {
    expect(Math.sign(pouchCollate('B', 'a'))).toBe(-1);
    expect(collate('B', 'a')).toBe(1);
    expect(Math.sign(pouchCollate('Åsa', 'b'))).toBe(1);
    expect(collate('Åsa', 'b')).toBe(-1);
  });
});

describe('PouchDB as an oracle for selectors', () => {
  // Documents where every selector below names existing numeric fields, where the two agree.
  const random = new SeededRandom(7);
  const docs = Array.from({ length: 200 }, () => ({
    a: random.int(-10, 10),
    b: random.int(0, 20) / 2,
    list: Array.from({ length: random.int(1, 4) }, () => random.int(0, 6)),
  }));
  const agreeing: object[] = [
    { a: { $gt: 2 } },
    { a: { $gte: -3, $lt: 4 } },
    { a: { $lte: 0 }, b: { $gt: 5 } },
    { $or: [{ a: 1 }, { b: { $lt: 2 } }] },
    { a: { $in: [1, 3, 5] } },
    { a: { $nin: [0, 2] } },
    { list: { $size: 2 } },
    { list: { $all: [1, 2] } },
    { list: { $elemMatch: { $gt: 4 } } },
    { list: { $in: [5] } },
    { a: { $mod: [3, 1] } },
    { $and: [{ a: { $gt: 0 } }, { b: { $gt: 0 } }] },
    { $not: { a: { $gt: 0 } } },
    { a: { $exists: true }, b: { $type: 'number' } },
  ];

  it.each(agreeing.map((s) => [JSON.stringify(s), s] as const))('%s gives the same documents', (_name, s) => {
    const normalized = selector(s);
    const ours = docs.filter((doc) => matchesSelector(normalized, ejson(doc)));
    const theirs = docs.filter((doc) => pouchMatches(doc, s));
    expect(ours).toEqual(theirs);
  });

  it('differs where PouchDB is not CouchDB (each difference pinned)', () => {
    const differs = (doc: object, s: object): { couchdb: boolean; pouchdb: boolean } => ({
      couchdb: matchesSelector(selector(s), ejson(doc)),
      pouchdb: pouchMatches(doc, s),
    });
    // Condition operators need the field to exist in CouchDB (docs: "the field must exist").
    expect(differs({ b: 1 }, { a: { $ne: 5 } })).toEqual({ couchdb: false, pouchdb: true });
    // A path through 0 stops at 0 in PouchDB (getFieldFromDoc breaks on a falsy value).
    expect(differs({ a: 0 }, { 'a.b': 0 })).toEqual({ couchdb: false, pouchdb: true });
    // Comparisons across types follow collation in CouchDB (null < numbers).
    expect(differs({ a: null }, { a: { $lt: 5 } })).toEqual({ couchdb: true, pouchdb: true });
    expect(differs({ a: 'x' }, { a: { $gt: 5 } })).toEqual({ couchdb: true, pouchdb: true });
    expect(differs({ n: 'Bob' }, { n: { $gt: 'a' } })).toEqual({ couchdb: true, pouchdb: false });
    // $all matches elements exactly in CouchDB (Erlang lists:member), by collation in PouchDB: the
    // integer 1 a document holds is not the float 1.0 a query writes.
    expect(matchesSelector(selector('{"l": {"$all": [1.0]}}'), ejson({ l: [1] }))).toBe(false);
    expect(pouchMatches({ l: [1] }, { l: { $all: [1.0] } })).toBe(true);
    // $keyMapMatch (CouchDB 3.2) and $beginsWith (3.4) do not exist in PouchDB 9.
    expect(() => pouchMatches({ m: { k: 1 } }, { m: { $keyMapMatch: { $eq: 'k' } } })).toThrow(/unknown operator/);
    expect(matchesSelector(selector({ m: { $keyMapMatch: { $eq: 'k' } } }), ejson({ m: { k: 1 } }))).toBe(true);
  });
});
