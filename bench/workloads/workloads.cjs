// The benchmark's five workloads, defined once: the transaction arguments the driver sends (the same
// bytes to every implementation), the keys they touch, and how the driver checks an answer. The
// chaincode side of each workload is written three times, once per programming model:
// workloads/floor-logic.cjs (raw messages), workloads/lowlevel-chaincode.cjs (a ChaincodeInterface
// over a stub) and workloads/bench-contract.cjs (a decorated contract); all three do the same
// ledger requests and return the same payload.
'use strict';

/** The contract namespace every transaction names (`bench:<fn>`); low-level chaincodes switch on it too. */
const CONTRACT = 'bench';

/** rmw spreads its transactions over this many counters. */
const RMW_KEYS = 256;
/** range reads RANGE_SIZE keys `range-000` … `range-099`, i.e. [RANGE_START, RANGE_END). */
const RANGE_SIZE = 100;
const RANGE_START = 'range-000';
const RANGE_END = `range-${String(RANGE_SIZE).padStart(3, '0')}`;
/** write10 writes this many keys `<prefix>-0` … `<prefix>-9`. */
const WRITE_COUNT = 10;
/** The value write10 writes (32 bytes, as a small JSON record would be). */
const WRITE_VALUE = Buffer.from('{"owner":"bob","value":12345678}');

function rangeKey(i) {
  return `range-${String(i).padStart(3, '0')}`;
}

/** The keys a range workload reads, with their values: seeded into the driver's store. */
function rangeSeed() {
  const entries = [];
  for (let i = 0; i < RANGE_SIZE; i++) {
    entries.push([rangeKey(i), Buffer.from(JSON.stringify({ id: rangeKey(i), owner: 'bob', value: i }))]);
  }
  return entries;
}

function writeKeys(prefix) {
  return Array.from({ length: WRITE_COUNT }, (_, j) => `${prefix}-${j}`);
}

/** The asset the object workload sends as its @Object parameter. */
function asset(i) {
  return { id: `asset${i}`, owner: 'bob', value: i };
}

/** Hand-written check of an asset, as the floor and the low-level chaincodes do it; null when valid. */
function assetProblem(value) {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'asset is not an object';
  if (typeof value.id !== 'string') return 'asset.id is not a string';
  if (typeof value.owner !== 'string') return 'asset.owner is not a string';
  if (typeof value.value !== 'number') return 'asset.value is not a number';
  for (const key of Object.keys(value)) {
    if (key !== 'id' && key !== 'owner' && key !== 'value') return `asset has an unknown property ${key}`;
  }
  return null;
}

function utf8(payload) {
  return Buffer.from(payload).toString('utf8');
}

/**
 * id → { title, args(i), check(payload, i) → problem text or null, seed?, verify?(store) }.
 * `args(i)` gives the i-th transaction's arguments (strings).
 */
const WORKLOADS = {
  noop: {
    title: 'noop',
    args: () => [`${CONTRACT}:noop`],
    check: (payload) => (payload.length === 0 ? null : `expected an empty payload, got ${utf8(payload)}`),
  },
  rmw: {
    title: 'rmw (getState + putState)',
    args: (i) => [`${CONTRACT}:rmw`, `counter${i % RMW_KEYS}`],
    check: (payload) => (payload.length === 0 ? null : `expected an empty payload, got ${utf8(payload)}`),
    verify: (store) => {
      const value = store.get('counter0');
      const counter = value === undefined ? undefined : JSON.parse(utf8(value));
      return counter?.n > 0 ? null : `counter0 was not incremented: ${JSON.stringify(counter)}`;
    },
  },
  range: {
    title: `range (${RANGE_SIZE} keys, one page)`,
    args: () => [`${CONTRACT}:range`, RANGE_START, RANGE_END],
    check: (payload) => (utf8(payload) === String(RANGE_SIZE) ? null : `expected ${RANGE_SIZE}, got ${utf8(payload)}`),
    seed: rangeSeed,
  },
  object: {
    title: 'object (@Object param, returned)',
    args: (i) => [`${CONTRACT}:createAsset`, JSON.stringify(asset(i))],
    check: (payload, i) => {
      let value;
      try {
        value = JSON.parse(utf8(payload));
      } catch {
        return `the payload is not JSON: ${utf8(payload)}`;
      }
      const expected = asset(i);
      return value?.id === expected.id && value.owner === expected.owner && value.value === expected.value
        ? null
        : `expected ${JSON.stringify(expected)}, got ${utf8(payload)}`;
    },
  },
  write10: {
    title: `write${WRITE_COUNT} (${WRITE_COUNT} putState)`,
    args: (i) => [`${CONTRACT}:write10`, `w${i}`],
    check: (payload) => (payload.length === 0 ? null : `expected an empty payload, got ${utf8(payload)}`),
    verify: (store) =>
      writeKeys('w0').every((key) => store.get(key)?.equals(WRITE_VALUE)) ? null : 'the keys of w0 were not written',
  },
};

module.exports = {
  CONTRACT,
  RANGE_END,
  RANGE_SIZE,
  RANGE_START,
  WORKLOADS,
  WRITE_VALUE,
  assetProblem,
  writeKeys,
};
