/**
 * The differential suite's table: every stub method, ClientIdentity method, iterator and
 * KeyEndorsementPolicy operation, each with a good call and then one argument at a time replaced by
 * each variant of its kind (empty, wrong type, number as string, missing, U+0000, undefined,
 * objects...), plus every shorter argument list. Cases are generated, never written one by one.
 */
import { common } from '@chaincode/shim/internal';
import type { Call, Enc, Mode, Step } from './probe';
import { INTENDED, type IntendedId } from './intended-differences';

export type IdentityName = 'default' | 'attributes' | 'not-a-certificate';

/** The argument a case replaced (its parameter kind and the variant's label), or the count it cut to. */
export interface Variation {
  readonly kind?: Kind;
  readonly label?: string;
  readonly arity?: number;
}

export interface Case {
  readonly name: string;
  readonly call: Call;
  readonly variation: Variation;
  /** Extra proposal arguments after the probe's own two (binary allowed). */
  readonly extraArgs?: readonly Uint8Array[];
  readonly identity?: IdentityName;
  /** Set when the stacks differ on purpose; the reason is in intended-differences.ts and the README. */
  readonly intended?: IntendedId;
}

// ---- argument encodings ----

const str = (s: string): Enc => ({ s });
const num = (n: number): Enc =>
  Number.isNaN(n) ? { n: 'NaN' } : n === Infinity ? { n: 'Infinity' } : n === -Infinity ? { n: '-Infinity' } : { n };
const buf = (text: string): Enc => ({ buf: Buffer.from(text).toString('hex') });
const u8 = (text: string): Enc => ({ u8: Buffer.from(text).toString('hex') });
const arr = (...items: Enc[]): Enc => ({ arr: items });
const UNDEF: Enc = { u: 1 };
const NULL: Enc = { z: 1 };
const OBJ: Enc = { obj: { a: str('b') } };
const TRUE: Enc = { b: true };

interface Variant {
  readonly label: string;
  readonly enc: Enc;
}
const v = (label: string, enc: Enc): Variant => ({ label, enc });

/** The kinds of parameter, each with its good value first. */
const KINDS = {
  key: [
    v("'p1'", str('p1')),
    v("''", str('')),
    v("'absent'", str('absent')),
    v("'p\\u00fc'", str('p\u00fc')),
    v("'\\u0000x'", str('\u0000x')),
    v("'a\\u0000b'", str('a\u0000b')),
    v('5', num(5)),
    v('undefined', UNDEF),
    v('null', NULL),
    v('{a}', OBJ),
    v("['p1']", arr(str('p1'))),
    v("Buffer 'p1'", buf('p1')),
  ],
  writeKey: [
    v("'w1'", str('w1')),
    v("''", str('')),
    v("'\\u0000x'", str('\u0000x')),
    v("'\\u{10FFFF}'", str('\u{10FFFF}')),
    v('5', num(5)),
    v('undefined', UNDEF),
    v('null', NULL),
    v('{a}', OBJ),
    v("Buffer 'w1'", buf('w1')),
  ],
  value: [
    v("'text'", str('text')),
    v("Buffer 'buf'", buf('buf')),
    v("Uint8Array 'u8'", u8('u8')),
    v("''", str('')),
    v('empty Buffer', buf('')),
    v("'ü€😀'", str('ü€😀')),
    v('5', num(5)),
    v('0', num(0)),
    v('undefined', UNDEF),
    v('null', NULL),
    v('{a}', OBJ),
    v('true', TRUE),
    v("['x']", arr(str('x'))),
  ],
  ep: [
    v("Buffer 'ep'", buf('ep')),
    v("Uint8Array 'ep'", u8('ep')),
    v("'ep'", str('ep')),
    v('empty Buffer', buf('')),
    v('undefined', UNDEF),
    v('null', NULL),
    v('5', num(5)),
    v('{a}', OBJ),
  ],
  collection: [
    v("'col'", str('col')),
    v("''", str('')),
    v("'other'", str('other')),
    v('5', num(5)),
    v('undefined', UNDEF),
    v('null', NULL),
    v('{a}', OBJ),
  ],
  startKey: [
    v("'p2'", str('p2')),
    v("''", str('')),
    v("'\\u0000a'", str('\u0000a')),
    v("'a\\u0000'", str('a\u0000')),
    v('5', num(5)),
    v('undefined', UNDEF),
    v('null', NULL),
    v('{a}', OBJ),
  ],
  endKey: [
    v("'p5'", str('p5')),
    v("''", str('')),
    v("'\\u0000z'", str('\u0000z')),
    v("'p2'", str('p2')),
    v('5', num(5)),
    v('undefined', UNDEF),
    v('null', NULL),
  ],
  objectType: [
    v("'color~id'", str('color~id')),
    v("''", str('')),
    v("'a\\u0000b'", str('a\u0000b')),
    v("'\\u{10FFFF}'", str('\u{10FFFF}')),
    v("'none'", str('none')),
    v('5', num(5)),
    v('undefined', UNDEF),
    v('null', NULL),
  ],
  attributes: [
    v("['blue']", arr(str('blue'))),
    v('[]', arr()),
    v("['blue', '1']", arr(str('blue'), str('1'))),
    v("'blue'", str('blue')),
    v("['']", arr(str(''))),
    v('[5]', arr(num(5))),
    v("['a\\u0000b']", arr(str('a\u0000b'))),
    v("['\\u{10FFFF}']", arr(str('\u{10FFFF}'))),
    v('[undefined]', arr(UNDEF)),
    v('undefined', UNDEF),
    v('null', NULL),
    v('{a}', OBJ),
  ],
  pageSize: [
    v('2', num(2)),
    v("'2'", str('2')),
    v("'3'", str('3')),
    v("' 2 '", str(' 2 ')),
    v('0', num(0)),
    v('-1', num(-1)),
    v('1.5', num(1.5)),
    v("'abc'", str('abc')),
    v('NaN', num(NaN)),
    v('2**31', num(2 ** 31)),
    v('undefined', UNDEF),
    v('null', NULL),
    v('true', TRUE),
  ],
  bookmark: [
    v("''", str('')),
    v("'p3'", str('p3')),
    v("'zzz'", str('zzz')),
    v('undefined', UNDEF),
    v('null', NULL),
    v('5', num(5)),
    v('{a}', OBJ),
  ],
  query: [
    v('selector', str('{"selector":{}}')),
    v("''", str('')),
    v('not JSON', str('{not json')),
    v('5', num(5)),
    v('undefined', UNDEF),
  ],
  chaincodeName: [
    v("'echo'", str('echo')),
    v("'nobody'", str('nobody')),
    v("''", str('')),
    v('5', num(5)),
    v('undefined', UNDEF),
  ],
  chaincodeArgs: [
    v("['a', 'b']", arr(str('a'), str('b'))),
    v('[]', arr()),
    v("[Buffer 'x']", arr(buf('x'))),
    v("[Uint8Array 'y']", arr(u8('y'))),
    v('[5]', arr(num(5))),
    v("'a'", str('a')),
    v('undefined', UNDEF),
    v('[null]', arr(NULL)),
    v('[{a}]', arr(OBJ)),
  ],
  channel: [
    v('undefined', UNDEF),
    v("''", str('')),
    v("'mychannel'", str('mychannel')),
    v("'otherchannel'", str('otherchannel')),
    v('5', num(5)),
  ],
  eventName: [v("'evt'", str('evt')), v("''", str('')), v('5', num(5)), v('undefined', UNDEF), v('null', NULL)],
  eventPayload: [
    v("Buffer 'pay'", buf('pay')),
    v("Uint8Array 'u8'", u8('u8')),
    v("'text'", str('text')),
    v("'aGVsbG8='", str('aGVsbG8=')),
    v('undefined', UNDEF),
    v('null', NULL),
    v('5', num(5)),
    v('{a}', OBJ),
  ],
  compositeKey: [
    v('well-formed', str('\u0000color~id\u0000blue\u00001\u0000')),
    v('no trailing U+0000', str('\u0000color~id\u0000blue\u00001')),
    v('type only', str('\u0000color~id\u0000')),
    v('type without separator', str('\u0000color~id')),
    v("'\\u0000'", str('\u0000')),
    v("'\\u0000\\u0000'", str('\u0000\u0000')),
    v('empty attribute', str('\u0000t\u0000\u0000b\u0000')),
    v("'plain'", str('plain')),
    v("''", str('')),
    v('5', num(5)),
    v('undefined', UNDEF),
    v('null', NULL),
    v('{a}', OBJ),
  ],
  attrName: [
    v("'role'", str('role')),
    v("'missing'", str('missing')),
    v("'empty'", str('empty')),
    v("'hf.EnrollmentID'", str('hf.EnrollmentID')),
    v("'toString'", str('toString')),
    v("''", str('')),
    v('5', num(5)),
    v('undefined', UNDEF),
  ],
  attrValue: [
    v("'auditor'", str('auditor')),
    v("'other'", str('other')),
    v("''", str('')),
    v('undefined', UNDEF),
    v('null', NULL),
  ],
  role: [
    v("'MEMBER'", str('MEMBER')),
    v("'PEER'", str('PEER')),
    v("'ADMIN'", str('ADMIN')),
    v("'member'", str('member')),
    v("''", str('')),
    v('undefined', UNDEF),
    v('5', num(5)),
  ],
  mspId: [
    v("'Org1MSP'", str('Org1MSP')),
    v("'10'", str('10')),
    v("''", str('')),
    v('5', num(5)),
    v('undefined', UNDEF),
  ],
} as const satisfies Record<string, readonly Variant[]>;

/** A kind of parameter; `policyBytes` names KeyEndorsementPolicy's constructor argument. */
export type Kind = keyof typeof KINDS | 'policyBytes';
type ParamKind = keyof typeof KINDS;

interface MethodSpec {
  readonly method: string;
  readonly params: readonly ParamKind[];
  readonly modes: readonly Mode[];
  readonly target?: Call['target'];
}

const QUERY: readonly Mode[] = ['walk'];
const RANGE: readonly Mode[] = ['walk', 'forAwait', 'forAwaitBreak', 'closeValue'];

const STUB_METHODS: readonly MethodSpec[] = [
  ...(
    [
      'getArgs',
      'getStringArgs',
      'getBufferArgs',
      'getFunctionAndParameters',
      'getTxID',
      'getChannelID',
      'getCreator',
      'getMspID',
      'getTransient',
      'getTxTimestamp',
      'getDateTimestamp',
      'getBinding',
      'getSignedProposal',
    ] as const
  ).map((method) => ({ method, params: [], modes: ['call', 'twice'] as const })),
  { method: 'getState', params: ['key'], modes: ['call'] },
  { method: 'putState', params: ['writeKey', 'value'], modes: ['call'] },
  { method: 'deleteState', params: ['writeKey'], modes: ['call'] },
  { method: 'setStateValidationParameter', params: ['writeKey', 'ep'], modes: ['call'] },
  { method: 'getStateValidationParameter', params: ['key'], modes: ['call'] },
  { method: 'getStateByRange', params: ['startKey', 'endKey'], modes: RANGE },
  { method: 'getStateByRangeWithPagination', params: ['startKey', 'endKey', 'pageSize', 'bookmark'], modes: QUERY },
  { method: 'getStateByPartialCompositeKey', params: ['objectType', 'attributes'], modes: ['walk', 'forAwait'] },
  {
    method: 'getStateByPartialCompositeKeyWithPagination',
    params: ['objectType', 'attributes', 'pageSize', 'bookmark'],
    modes: QUERY,
  },
  { method: 'getQueryResult', params: ['query'], modes: QUERY },
  { method: 'getQueryResultWithPagination', params: ['query', 'pageSize', 'bookmark'], modes: QUERY },
  { method: 'getHistoryForKey', params: ['key'], modes: ['walk', 'forAwait'] },
  { method: 'invokeChaincode', params: ['chaincodeName', 'chaincodeArgs', 'channel'], modes: ['call'] },
  { method: 'setEvent', params: ['eventName', 'eventPayload'], modes: ['call'] },
  { method: 'createCompositeKey', params: ['objectType', 'attributes'], modes: ['call'] },
  { method: 'splitCompositeKey', params: ['compositeKey'], modes: ['call'] },
  { method: 'getPrivateData', params: ['collection', 'key'], modes: ['call'] },
  { method: 'getPrivateDataHash', params: ['collection', 'key'], modes: ['call'] },
  { method: 'putPrivateData', params: ['collection', 'writeKey', 'value'], modes: ['call'] },
  { method: 'deletePrivateData', params: ['collection', 'writeKey'], modes: ['call'] },
  { method: 'purgePrivateData', params: ['collection', 'writeKey'], modes: ['call'] },
  { method: 'setPrivateDataValidationParameter', params: ['collection', 'writeKey', 'ep'], modes: ['call'] },
  { method: 'getPrivateDataValidationParameter', params: ['collection', 'key'], modes: ['call'] },
  { method: 'getPrivateDataByRange', params: ['collection', 'startKey', 'endKey'], modes: ['walk', 'forAwait'] },
  {
    method: 'getPrivateDataByPartialCompositeKey',
    params: ['collection', 'objectType', 'attributes'],
    modes: QUERY,
  },
  { method: 'getPrivateDataQueryResult', params: ['collection', 'query'], modes: QUERY },
];

const IDENTITY_METHODS: readonly MethodSpec[] = [
  ...(['getID', 'getMSPID', 'getIDBytes'] as const).map((method) => ({
    method,
    params: [],
    modes: ['call', 'twice'] as const,
    target: 'identity' as const,
  })),
  { method: 'getAttributeValue', params: ['attrName'], modes: ['call'], target: 'identity' },
  { method: 'assertAttributeValue', params: ['attrName', 'attrValue'], modes: ['call'], target: 'identity' },
];

function render(method: string, variants: readonly Variant[]): string {
  return `${method}(${variants.map((x) => x.label).join(', ')})`;
}

interface Expanded {
  readonly name: string;
  readonly args: Enc[];
  readonly mode: Mode;
  readonly variation: Variation;
}

/** Good call, each parameter varied alone, and every shorter argument list. */
function expand(spec: MethodSpec): Expanded[] {
  const good = spec.params.map((kind) => KINDS[kind][0]);
  const lists: { list: Variant[]; variation: Variation }[] = [{ list: good, variation: {} }];
  spec.params.forEach((kind, index) => {
    for (const variant of KINDS[kind].slice(1)) {
      const list = [...good];
      list[index] = variant;
      lists.push({ list, variation: { kind, label: variant.label } });
    }
  });
  const first = spec.modes[0] as Mode;
  const calls: Expanded[] = [];
  for (const mode of spec.modes) {
    // Only the good arguments are walked several ways; the variants use the first mode.
    for (const { list, variation } of mode === first ? lists : lists.slice(0, 1)) {
      calls.push({ name: `${render(spec.method, list)} [${mode}]`, args: list.map((x) => x.enc), mode, variation });
    }
  }
  for (let arity = 0; arity < spec.params.length; arity++) {
    const list = good.slice(0, arity);
    const name = `${render(spec.method, list)} [${first}, ${arity} of ${spec.params.length} args]`;
    calls.push({ name, args: list.map((x) => x.enc), mode: first, variation: { arity } });
  }
  return calls;
}

/** A 1-of-2 policy (Org1MSP member or Org2MSP peer), hex: the official rewrites it as 2-of-2. */
function oneOfTwoPolicy(): string {
  const role = (mspIdentifier: string, roleType: common.MSPRole.MSPRoleType) => ({
    principalClassification: common.MSPPrincipal.Classification.ROLE,
    principal: common.MSPRole.encode({ mspIdentifier, role: roleType }).finish(),
  });
  const bytes = common.SignaturePolicyEnvelope.encode({
    version: 0,
    rule: { nOutOf: { n: 1, rules: [{ signedBy: 0 }, { signedBy: 1 }] } },
    identities: [role('Org1MSP', common.MSPRole.MSPRoleType.MEMBER), role('Org2MSP', common.MSPRole.MSPRoleType.PEER)],
  }).finish();
  return Buffer.from(bytes).toString('hex');
}

function policyCases(): Case[] {
  const cases: Case[] = [];
  const add = (name: string, args: Enc[], steps: Step[], variation: Variation = {}): void => {
    const call: Call = { target: 'policy', method: 'KeyEndorsementPolicy', args, mode: 'script', steps };
    cases.push({ name: `KeyEndorsementPolicy ${name}`, call, variation });
  };
  const list: Step = { method: 'listOrgs', args: [] };
  const bytes: Step = { method: 'getPolicy', args: [] };
  for (const role of KINDS.role) {
    add(
      `addOrgs(${role.label}, 'Org1MSP', 'Org2MSP')`,
      [],
      [{ method: 'addOrgs', args: [role.enc, str('Org1MSP'), str('Org2MSP')] }, list, bytes],
    );
  }
  for (const id of KINDS.mspId) {
    add(
      `addOrgs('PEER', ${id.label}, 'b', '9', 'a')`,
      [],
      [{ method: 'addOrgs', args: [str('PEER'), id.enc, str('b'), str('9'), str('a')] }, list, bytes],
    );
    add(
      `delOrgs(${id.label})`,
      [],
      [
        { method: 'addOrgs', args: [str('MEMBER'), str('Org1MSP'), str('10'), str('Org2MSP')] },
        { method: 'delOrgs', args: [id.enc, str('unknown')] },
        list,
        bytes,
      ],
    );
  }
  add('addOrgs() with no ids', [], [{ method: 'addOrgs', args: [str('MEMBER')] }, list, bytes]);
  add('addOrgs() with no arguments', [], [{ method: 'addOrgs', args: [] }, list]);
  add(
    're-adding an org changes its role in place',
    [],
    [
      { method: 'addOrgs', args: [str('MEMBER'), str('A'), str('B')] },
      { method: 'addOrgs', args: [str('PEER'), str('A')] },
      { method: 'delOrgs', args: [str('B')] },
      { method: 'addOrgs', args: [str('MEMBER'), str('B')] },
      list,
      bytes,
    ],
  );
  add('from a 1-of-2 policy', [{ buf: oneOfTwoPolicy() }], [list, bytes]);
  for (const [label, enc] of [
    ['empty bytes', buf('')],
    ['undefined', UNDEF],
    ['null', NULL],
    ["'text'", str('text')],
    ['garbage bytes', { buf: 'ffffff' }],
    ['5', num(5)],
  ] as const) {
    add(`from ${label}`, [enc], [list, bytes], { kind: 'policyBytes', label });
  }
  return cases;
}

/** Every case of the suite, in a stable order with unique names. */
export function buildCases(): Case[] {
  const cases: Case[] = [];
  for (const spec of [...STUB_METHODS, ...IDENTITY_METHODS]) {
    for (const { name, args, mode, variation } of expand(spec)) {
      const target = spec.target ?? 'stub';
      const identities: IdentityName[] =
        target === 'identity' ? ['default', 'attributes', 'not-a-certificate'] : ['default'];
      for (const identity of identities) {
        const full = target === 'identity' ? `ClientIdentity.${name} as ${identity}` : name;
        cases.push({ name: full, call: { target, method: spec.method, args, mode }, variation, identity });
      }
    }
  }
  cases.push({
    name: 'getArgs() with binary and unicode proposal arguments [call]',
    call: { target: 'stub', method: 'getArgs', args: [], mode: 'call' },
    variation: {},
    extraArgs: [Uint8Array.from([0xff, 0x00, 0x41]), Buffer.from('ü€😀'), new Uint8Array(0)],
  });
  cases.push({
    name: 'getBufferArgs() with binary proposal arguments [call]',
    call: { target: 'stub', method: 'getBufferArgs', args: [], mode: 'call' },
    variation: {},
    extraArgs: [Uint8Array.from([0xff, 0x00, 0x41]), new Uint8Array(0)],
  });
  cases.push({
    name: "getStateByRange('p1', 'p9') over several pages, left after the first row [forAwaitBreak]",
    call: { target: 'stub', method: 'getStateByRange', args: [str('p1'), str('p9')], mode: 'forAwaitBreak' },
    variation: {},
  });
  cases.push({
    name: "getStateByRange('p1', 'p9') over several pages [walk]",
    call: { target: 'stub', method: 'getStateByRange', args: [str('p1'), str('p9')], mode: 'walk' },
    variation: {},
  });
  cases.push(...policyCases());
  const seen = new Set<string>();
  for (const c of cases) {
    if (seen.has(c.name)) throw new Error(`duplicate case name ${c.name}`);
    seen.add(c.name);
  }
  return cases.map((c) => {
    const intended = INTENDED.find((rule) => rule.matches(c))?.id;
    return intended === undefined ? c : { ...c, intended };
  });
}
