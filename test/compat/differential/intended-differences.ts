/**
 * Where ours differs from fabric-shim 2.5.8 on purpose. Each id is listed, with its reason, under
 * "Intended differences" in packages/shim/README.md; the suite checks that every case marked with
 * an id still differs (so an entry goes when it stops being true) and that the README names it.
 */
import type { Case, Kind } from './cases';

export interface IntendedDifference {
  readonly id: string;
  readonly matches: (c: Case) => boolean;
}

/** The labels of variants ours refuses as being of the wrong type, by kind of parameter. */
const WRONG_TYPES: Partial<Record<Kind, readonly string[]>> = {
  key: ['5', '{a}', "['p1']", "Buffer 'p1'"],
  writeKey: ['5', '{a}', "Buffer 'w1'"],
  value: ['5', '0', 'undefined', 'null', '{a}', 'true', "['x']"],
  ep: ['5', '{a}'],
  startKey: ['5', '{a}'],
  endKey: ['5'],
  pageSize: ['1.5', "'abc'", 'NaN', '2**31'],
  bookmark: ['5', '{a}'],
  query: ['5'],
  chaincodeName: ['5'],
  chaincodeArgs: ['[5]', "'a'", 'undefined', '[null]', '[{a}]'],
  channel: ['5'],
  eventPayload: ['5', '{a}'],
  policyBytes: ["'text'", '5'],
};

/** Methods whose arguments a shorter list leaves of the wrong type (a missing value or args array). */
const WRONG_TYPE_WHEN_MISSING: Readonly<Record<string, number>> = {
  putState: 1,
  invokeChaincode: 1,
};

const QUERY_METHODS = new Set([
  'getStateByRange',
  'getStateByRangeWithPagination',
  'getPrivateDataByRange',
  'getPrivateDataByPartialCompositeKey',
  'getPrivateDataQueryResult',
]);

/** Methods with fabric-shim's own checks of collection, key and value (we use its texts). */
const PRIVATE_DATA_CHECKED = new Set([
  'getPrivateData',
  'getPrivateDataHash',
  'putPrivateData',
  'deletePrivateData',
  'purgePrivateData',
]);

const method = (c: Case): string => c.call.method;
const label = (c: Case): string => c.variation.label ?? '';
/** A variant fabric-shim's own private data checks refuse with the same text as ours. */
const checkedLikeOfficial = (c: Case): boolean =>
  PRIVATE_DATA_CHECKED.has(method(c)) &&
  (c.variation.kind !== 'value' || ['undefined', 'null', '0'].includes(label(c)));

export const INTENDED = [
  {
    // A number, object, array or Buffer where fabric-shim-api declares a string, or anything but
    // bytes/a string where it declares bytes: refused with a clear InvalidArgumentError.
    id: 'wrong-type-arguments',
    matches: (c) => {
      const kind = c.variation.kind;
      if (kind !== undefined && kind !== 'policyBytes' && c.call.target !== 'stub') return false;
      if (kind !== undefined && WRONG_TYPES[kind]?.includes(label(c)) === true) return !checkedLikeOfficial(c);
      const arity = c.variation.arity;
      return arity !== undefined && arity <= (WRONG_TYPE_WHEN_MISSING[method(c)] ?? -1);
    },
  },
  {
    // setEvent payloads and validation parameters given as strings are UTF-8 here.
    id: 'strings-as-bytes',
    matches: (c) =>
      ['setEvent', 'setStateValidationParameter', 'setPrivateDataValidationParameter'].includes(method(c)) &&
      ["'text'", "'aGVsbG8='", "'ep'"].includes(label(c)),
  },
  {
    // U+0000 or U+10FFFF inside an object type or attribute: refused, as Go's shim refuses them.
    id: 'composite-key-parts',
    matches: (c) =>
      (c.variation.kind === 'objectType' || c.variation.kind === 'attributes') &&
      (label(c).includes('\\u0000') || label(c).includes('\\u{10FFFF}')),
  },
  {
    // A query refused before it is sent can still be iterated with `for await` (which throws the reason).
    id: 'refused-query-iterable',
    matches: (c) => {
      if (!QUERY_METHODS.has(method(c))) return false;
      const kind = c.variation.kind;
      if ((kind === 'startKey' || kind === 'endKey') && label(c).startsWith("'\\u0000")) {
        return !method(c).startsWith('getPrivateData');
      }
      if (!method(c).startsWith('getPrivateData')) return false;
      return (kind === 'collection' && label(c) !== "'other'") || c.variation.arity !== undefined;
    },
  },
  {
    // getPrivateDataByRange / ByPartialCompositeKey / QueryResult resolve with the iterator (which also
    // has an `.iterator` giving itself); fabric-shim resolves `{iterator}`.
    id: 'private-query-result',
    matches: (c) => {
      const privateQueries = [
        'getPrivateDataByRange',
        'getPrivateDataByPartialCompositeKey',
        'getPrivateDataQueryResult',
      ];
      if (!privateQueries.includes(method(c))) return false;
      const { kind } = c.variation;
      // (a query the peer refuses rejects the same way on both)
      if (kind === 'query' && label(c) !== 'selector') return false;
      // (a bad object type or attribute throws the same error on both before any query)
      const validKey =
        (kind !== 'objectType' && kind !== 'attributes') || ["'none'", '[]', "['blue', '1']"].includes(label(c));
      return c.call.mode !== 'forAwait' && validKey;
    },
  },
  {
    // close() resolves undefined; fabric-shim resolves the peer's QueryResponse (a google-protobuf object).
    id: 'close-value',
    matches: (c) => c.call.mode === 'closeValue',
  },
  {
    // getSignedProposal() answers plain objects of fabric-shim-api's declared shape.
    id: 'signed-proposal',
    matches: (c) => method(c) === 'getSignedProposal',
  },
  {
    // set/getPrivateDataValidationParameter refuse an empty collection (fabric-shim uses the public key).
    id: 'private-validation-parameter-collection',
    matches: (c) =>
      (method(c) === 'setPrivateDataValidationParameter' || method(c) === 'getPrivateDataValidationParameter') &&
      ((c.variation.kind === 'collection' && label(c) !== "'other'") || c.variation.arity === 0),
  },
  {
    // A creator that is not an X.509 certificate: our IdentityError text.
    id: 'identity-not-x509',
    matches: (c) => c.identity === 'not-a-certificate',
  },
  {
    // getAttributeValue('toString') and other Object.prototype names are not attributes.
    id: 'attribute-inherited-names',
    matches: (c) => method(c) === 'getAttributeValue' && label(c) === "'toString'",
  },
  {
    // KeyEndorsementPolicy from bytes that are not a policy: our InvalidArgumentError text.
    id: 'policy-bytes',
    matches: (c) => c.variation.kind === 'policyBytes' && label(c) === 'garbage bytes',
  },
] as const satisfies readonly IntendedDifference[];

export type IntendedId = (typeof INTENDED)[number]['id'];
