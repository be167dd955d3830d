/**
 * Differential tests: the same contract source on the official fabric-contract-api 2.5.8 (run by
 * the official fabric-shim) and on ours, both over the wire through one DevPeer. Status, message,
 * payload and GetMetadata must match, except the cases listed in INTENTIONAL_DIFFERENCES (each a
 * defect of the official that we fix; README.md of @chaincode/contract-api lists them too).
 */
import { DevPeer } from '@chaincode/dev-peer';
import * as ours from '@chaincode/contract-api';
import { defineContracts } from './fixtures/differential-contracts';
import { official, runOfficial, runOurs, type Answer, type Running } from './harness';

const oursDefs = defineContracts(ours);
const officialDefs = defineContracts(official);

/** Calls whose answers must be identical. */
const SAME: string[][] = [
  [],
  ['assets:create', 'a1', '5', 'true'],
  ['assets:create', 'a1', '5'],
  ['assets:create', 'a1', '5', 'true', 'extra'],
  ['assets:create', 'a1', '5', ' TRUE '],
  ['assets:double', ''],
  ['assets:double', ' 7 '],
  ['assets:double', '0x1F'],
  ['assets:double', '-2.5e3'],
  ['assets:negate', 'false'],
  ['assets:createAsset', '{"id":"x","size":3,"tags":["t"]}'],
  ['assets:createAsset', '{"id":"x","size":3,"extra":1}'],
  ['assets:createAsset', '{"id":"x"}'],
  ['assets:countAssets', '[{"id":"p"},{"id":"q"}]'],
  ['assets:countAssets', '[]'],
  ['assets:drive', '{"make":"acme","wheels":4}'],
  ['assets:wrongReturn'],
  ['assets:nothing'],
  ['assets:nullResult'],
  ['assets:nested'],
  ['assets:list'],
  ['assets:bytes'],
  ['assets:fails', 'because'],
  ['assets:helper'],
  ['assets:nope'],
  ['assets:'],
  ['assets:fn2:extra'],
  ['nosuch:fn'],
  [':whoami'],
  ['whoami'],
  [' :whoami'],
  ['handlers:whoami'],
  ['handlers:blocked'],
  ['handlers:afterFails'],
  ['handlers:logs'],
  ['handlers:missing'],
  ['handlers:quiet-missing'],
  ['plain:get', 'k', 'v'],
  ['plain:get', 'k'],
  ['plain:noArgs'],
  ['plain:noArgs', 'surplus'],
  ['plain:echo', 'x', 'y'],
  ['plain:_hidden'],
  ['plain:inherited'],
  ['plain:constructor'],
  ['plain:beforeTransaction'],
  ['org.hyperledger.fabric:nothing'],
  ...['map', 'set', 'toJson', 'getter', 'typed', 'holes', 'nan', 'big', 'date', 'emptyString', 'zero', 'none'].map(
    (kind) => ['assets:oddResults', kind],
  ),
  ['assets:constructor'],
  ['hasOwnProperty'],
  ['handlers:__proto__'],
];

interface Difference {
  readonly args: string[];
  readonly why: string;
  /** What the official answers (asserted, so the list stays true). */
  readonly official: Partial<Answer> | ((a: Answer) => void);
  /** What we answer. */
  readonly ours: Partial<Answer> | ((a: Answer) => void);
}

/** Every intentional difference exercised here. */
const INTENTIONAL_DIFFERENCES: Difference[] = [
  {
    args: ['assets:names', '["a","b"]'],
    why: 'string[] elements keep their JSON quotes on the official',
    official: { status: 200, payload: '"a"|"b"' },
    ours: { status: 200, payload: 'a|b' },
  },
  {
    args: ['assets:double', 'Infinity'],
    why: 'a non-finite number is not JSON; ajv 8 rejects it (the official doubles it)',
    official: { status: 200, payload: 'Infinity' },
    ours: {
      status: 500,
      message: expect.stringContaining("parameter 'n' of transaction 'double' in contract 'assets'") as string,
    },
  },
  {
    args: ['assets:double', 'abc'],
    why: 'conversion errors name the contract, function and parameter',
    official: { status: 500, message: 'fromBuffer could not convert data to number' },
    ours: {
      status: 500,
      message: `Unable to convert parameter 'n' of transaction 'double' in contract 'assets': "abc" is not a number`,
    },
  },
  {
    args: ['assets:create', 'a1', 'five', 'true'],
    why: 'a number conversion error names the parameter',
    official: { status: 500, message: 'fromBuffer could not convert data to number' },
    ours: {
      status: 500,
      message: `Unable to convert parameter 'size' of transaction 'create' in contract 'assets': "five" is not a number`,
    },
  },
  {
    args: ['assets:create', 'a1', '5', 'yes'],
    why: 'a boolean conversion error names the parameter',
    official: { status: 500, message: 'fromBuffer could not convert data to boolean' },
    ours: {
      status: 500,
      message: `Unable to convert parameter 'flag' of transaction 'create' in contract 'assets': "yes" is not a boolean (true or false)`,
    },
  },
  {
    args: ['assets:createAsset', 'not json'],
    why: 'a JSON parse error names the parameter (the JSON.parse reason is kept)',
    official: { status: 500, message: `Unexpected token 'o', "not json" is not valid JSON` },
    ours: {
      status: 500,
      message: `Unable to convert parameter 'asset' of transaction 'createAsset' in contract 'assets': "not json" is not a JSON object (Asset): Unexpected token 'o', "not json" is not valid JSON`,
    },
  },
  {
    args: ['assets:createAsset', '{"id":"x","size":"big"}'],
    why: 'validation errors name the contract, function, parameter and reason (ajv 8 wording)',
    official: { status: 500, message: 'Unable to validate parameter due to ["should be number"]' },
    ours: {
      status: 500,
      message:
        "Unable to validate parameter 'asset' of transaction 'createAsset' in contract 'assets': /size must be number",
    },
  },
  {
    args: ['assets:countAssets', '{"id":"p"}'],
    why: 'a non-array for an array parameter is a clear error (the official crashes with a TypeError)',
    official: (a) => {
      expect(a.status).toBe(500);
      expect(a.message).toContain('is not a function');
    },
    ours: { status: 500, message: expect.stringContaining('is not a JSON array') as string },
  },
  {
    args: ['__proto__:fn'],
    why: 'contract names are looked up as own entries only (the official finds Object.prototype and crashes)',
    official: (a) => {
      expect(a.status).toBe(500);
      expect(a.message).toMatch(/Cannot read properties of undefined/);
    },
    ours: { status: 500, message: 'Contract name is not known: __proto__' },
  },
  {
    args: ['toString:fn'],
    why: 'an inherited Object.prototype name is not a contract either',
    official: (a) => {
      expect(a.status).toBe(500);
      expect(a.message).toMatch(/Cannot read properties of undefined/);
    },
    ours: { status: 500, message: 'Contract name is not known: toString' },
  },
];

describe('differential: fabric-contract-api 2.5.8 vs @chaincode/contract-api', () => {
  let peer: DevPeer;
  let mine: Running;
  let theirs: Running;

  beforeAll(async () => {
    peer = await DevPeer.start();
    mine = await runOurs(peer, [oursDefs.AssetContract, oursDefs.HandlersContract, oursDefs.PlainContract]);
    theirs = await runOfficial(peer, [
      officialDefs.AssetContract,
      officialDefs.HandlersContract,
      officialDefs.PlainContract,
    ]);
  });

  afterAll(async () => {
    await mine.stop();
    await theirs.stop();
    await peer.stop();
  });

  it.each(SAME.map((args) => [JSON.stringify(args), args] as const))('answers %s identically', async (_label, args) => {
    const [a, b] = [await mine.call(args), await theirs.call(args)];
    expect(a).toEqual(b);
  });

  it.each(INTENTIONAL_DIFFERENCES.map((d) => [d.why, d] as const))('differs on purpose: %s', async (_why, d) => {
    const [a, b] = [await mine.call(d.args), await theirs.call(d.args)];
    if (typeof d.official === 'function') d.official(b);
    else expect(b).toMatchObject(d.official);
    if (typeof d.ours === 'function') d.ours(a);
    else expect(a).toMatchObject(d.ours);
  });

  it('answers GetMetadata identically, apart from the listed metadata fixes', async () => {
    const [a, b] = [
      await mine.call(['org.hyperledger.fabric:GetMetadata']),
      await theirs.call(['org.hyperledger.fabric:GetMetadata']),
    ];
    expect(a.status).toBe(200);
    expect(b.status).toBe(200);
    expect(a.payload).toBe(JSON.stringify(applyMetadataFixes(JSON.parse(b.payload))));
  });
});

/**
 * The official's metadata with our documented fixes applied:
 * 1. undecorated contracts get `tag` (the official writes `tags`, which is not in the schema);
 * 2. a `(ctx: Context)` parameter of a contract with a custom context is not listed as a parameter.
 */
type Json = Record<string, unknown>;

function applyMetadataFixes(metadata: Json): Json {
  for (const contract of Object.values(metadata.contracts as Record<string, Json>)) {
    contract.transactions = (contract.transactions as Json[]).map((t) => {
      const out: Json = {};
      for (const [k, v] of Object.entries(t)) {
        if (k === 'tags') out.tag = v;
        else if (k === 'parameters') {
          out.parameters = (v as { schema?: { $ref?: string } }[]).filter(
            (p) => p.schema?.$ref !== '#/components/schemas/Context',
          );
        } else out[k] = v;
      }
      return out;
    });
  }
  return metadata;
}
