import type { TransactionResult } from '@chaincode/dev-peer';
import { call, describe as describeResult, text } from '../support/observe';
import type { Scenario } from '../support/scenario';

type Args = readonly (string | Uint8Array)[];

const FOUR_MB = 4 * 1024 * 1024;
const INVALID_UTF8 = Buffer.from([0xff, 0xfe, 0xc3, 0x28]);

/**
 * A row of calls through the contract API (evaluate, as a client would): every answer goes in the
 * table, `check` states what our chaincode must answer.
 */
function calls(
  title: string,
  expected: string,
  list: readonly Args[],
  check: (results: readonly TransactionResult[]) => void,
): Scenario {
  return {
    group: 'Bad arguments',
    title,
    expected,
    ours: { runner: 'in process' },
    official: { runner: 'fabric-chaincode-node start' },
    async run({ peer, cc }) {
      const results: (TransactionResult | undefined)[] = [];
      for (const args of list) results.push(await call(peer.evaluate(cc!.name, args)));
      return {
        response: results.map(describeResult).join(' · '),
        hung: results.some((r) => r === undefined),
        details: { results },
      };
    },
    check(observed) {
      const results = observed.details?.results as (TransactionResult | undefined)[];
      expect(results.every((r) => r !== undefined)).toBe(true);
      check(results as TransactionResult[]);
    },
  };
}

const answer = (r: TransactionResult | undefined): [number, string] =>
  r === undefined ? [0, 'no answer'] : [r.status, r.status < 400 ? text(r.payload) : r.message];

const inspected = (r: TransactionResult | undefined): unknown => JSON.parse(text(r?.payload));

export const badArguments: readonly Scenario[] = [
  calls(
    'Wrong argument count (1 and 3 for 2 parameters)',
    'answers 500 naming the expected and given counts',
    [
      ['chaos:add', '1'],
      ['chaos:add', '1', '2', '3'],
    ],
    ([one, three]) => {
      expect(answer(one)).toEqual([500, 'Expected 2 parameters, but 1 have been supplied']);
      expect(answer(three)).toEqual([500, 'Expected 2 parameters, but 3 have been supplied']);
    },
  ),
  calls(
    'Wrong JSON types (a string for a number, numbers for the strings of an @Object)',
    'answers 500 naming the parameter, transaction and contract, and what is wrong',
    [
      ['chaos:add', '"two"', '3'],
      ['chaos:inspect', '{"id":5,"size":"big"}'],
    ],
    ([add, inspect]) => {
      expect(answer(add)).toEqual([
        500,
        `Unable to convert parameter 'a' of transaction 'add' in contract 'chaos': "\\"two\\"" is not a number`,
      ]);
      expect(inspect?.status).toBe(500);
      expect(inspect?.message).toMatch(
        /^Unable to validate parameter 'asset' of transaction 'inspect' in contract 'chaos': /,
      );
    },
  ),
  calls(
    'Extra and missing properties of an @Object (Fabric schema; and one declared `additionalProperties: false`)',
    "as Fabric's schema says: an extra property is kept, a missing one takes the class default; " +
      'the strict object refuses the extra one with 500 naming it',
    [
      ['chaos:inspect', '{"id":"a","size":1,"extra":true}'],
      ['chaos:inspect', '{"id":"a"}'],
      ['chaos:inspectStrict', '{"id":"a","size":1,"extra":true}'],
    ],
    ([extra, missing, strict]) => {
      expect(inspected(extra)).toEqual({
        instance: true,
        own: ['extra', 'id', 'size'],
        proto: 'Asset',
        polluted: null,
      });
      expect(inspected(missing)).toEqual({ instance: true, own: ['id', 'size'], proto: 'Asset', polluted: null });
      expect(strict?.status).toBe(500);
      expect(strict?.message).toMatch(
        /^Unable to validate parameter 'asset' of transaction 'inspectStrict' in contract 'chaos': must NOT have additional properties \("extra"\)$/,
      );
    },
  ),
  calls(
    '`__proto__` payload in an @Object, then a probe of Object.prototype',
    'takes only the declared properties, builds an Asset, pollutes nothing',
    [['chaos:inspect', '{"id":"a","size":1,"__proto__":{"polluted":"yes"}}'], ['chaos:probe']],
    ([inspect, probe]) => {
      expect(inspected(inspect)).toEqual({ instance: true, own: ['id', 'size'], proto: 'Asset', polluted: null });
      expect(answer(probe)).toEqual([200, '{"polluted":null}']);
      expect((Object.prototype as Record<string, unknown>).polluted).toBeUndefined();
    },
  ),
  calls(
    '`constructor.prototype` payload in an @Object, then a probe of Object.prototype',
    'refuses the undeclared property or ignores it; pollutes nothing',
    [['chaos:inspect', '{"id":"a","size":1,"constructor":{"prototype":{"polluted":"yes"}}}'], ['chaos:probe']],
    ([inspect, probe]) => {
      if (inspect?.status === 200) {
        expect(inspected(inspect)).toMatchObject({ instance: true, proto: 'Asset', polluted: null });
      } else {
        expect(inspect?.message).toMatch(/constructor/);
      }
      expect(answer(probe)).toEqual([200, '{"polluted":null}']);
      expect((Object.prototype as Record<string, unknown>).polluted).toBeUndefined();
    },
  ),
  calls('A 4 MB argument', 'takes it: 200 with its length', [['chaos:length', 'x'.repeat(FOUR_MB)]], ([r]) => {
    expect(answer(r)).toEqual([200, String(FOUR_MB)]);
  }),
  calls(
    '10,000 arguments',
    'answers 500 naming the counts, at once',
    [['chaos:add', ...Array.from({ length: 10000 }, (_, i) => String(i))]],
    ([r]) => {
      expect(answer(r)).toEqual([500, 'Expected 2 parameters, but 10000 have been supplied']);
    },
  ),
  calls(
    'Invalid UTF-8 in a string argument',
    'decodes it with U+FFFD replacements: 200',
    [['chaos:length', INVALID_UTF8]],
    ([r]) => {
      expect(answer(r)).toEqual([200, '4']);
    },
  ),
  calls(
    'Empty function name (no arguments at all, and "")',
    'no arguments: fabric-contract-api\'s 200 "Default initiator successful."; an empty name: 500 saying the function does not exist',
    [[], ['']],
    ([none, empty]) => {
      expect(answer(none)).toEqual([200, 'Default initiator successful.']);
      expect(answer(empty)).toEqual([500, "You've asked to invoke a function that does not exist: "]);
    },
  ),
  calls(
    'Unknown function and unknown contract',
    'answers 500 naming the function or contract',
    [['chaos:nope'], ['nosuch:fn']],
    ([fn, contract]) => {
      expect(answer(fn)).toEqual([500, "You've asked to invoke a function that does not exist: chaos:nope"]);
      expect(answer(contract)).toEqual([500, 'Contract name is not known: nosuch']);
    },
  ),
];
