/**
 * Metadata must not depend on the compiler (issue 7.4): the same contract source, built in process by
 * tsc, ts-jest, swc and Babel, gives the same metadata and the same answers to the same calls, and a
 * member whose type the compiler did not record is the same error under all four. The official
 * package never accepts such a class either (it fails differently per compiler), so refusing it is
 * compatible.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { isChaincodeError, type ContractClass } from '@chaincode/contract-api';
import { registeredObjectClasses, type ContractMetadataJson } from '@chaincode/contract-api/internal';
import { DevPeer } from '@chaincode/dev-peer';
import { createContractChaincode } from '@chaincode/shim';
import { quietLogs, runOurs, type Answer } from './harness';
import { compileContract, TOOLCHAINS, type Toolchain } from './toolchains/compile';
import * as sources from './toolchains/sources';

const root = join(__dirname, '..', '..');
// Inside the repository (node_modules/.cache is git-ignored) so the compiled modules resolve
// fabric-contract-api like a project would.
const cacheDir = join(root, 'node_modules', '.cache');
let dir: string;

interface Build {
  readonly toolchain: Toolchain;
  readonly metadata: boolean;
  readonly module: Record<string, unknown>;
}

let builds = 0;

/** Compile and require a source; every build is a new file, so no module cache is shared. */
function load(toolchain: Toolchain, source: string, name: string, metadata = true): Build {
  const path = compileContract(toolchain, source, { dir, name: `${name}-${String(++builds)}`, metadata });
  return { toolchain, metadata, module: require(path) as Record<string, unknown> };
}

function contractsOf(build: Build): ContractClass[] {
  return build.module.contracts as ContractClass[];
}

/** Drop the @Object classes a source registered, so the next build of the same source starts clean. */
function forget(...names: string[]): void {
  const registry = registeredObjectClasses() as Map<string, unknown>;
  for (const name of names) registry.delete(name);
}

interface Failure {
  readonly name: string;
  readonly code: unknown;
  readonly message: string;
}

function creationFailure(build: Build): Failure | undefined {
  try {
    createContractChaincode(contractsOf(build));
    return undefined;
  } catch (err) {
    const e = err as Error;
    return { name: e.name, code: isChaincodeError(err) ? err.code : undefined, message: e.message };
  }
}

function metadataOf(build: Build): ContractMetadataJson {
  return JSON.parse(JSON.stringify(createContractChaincode(contractsOf(build)).metadata)) as ContractMetadataJson;
}

beforeAll(() => {
  quietLogs();
  mkdirSync(cacheDir, { recursive: true });
  dir = mkdtempSync(join(cacheDir, 'chaincode-toolchains-'));
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('what each toolchain records for an unannotated property (the premise)', () => {
  it('tsc and ts-jest record Object, swc and Babel record nothing', () => {
    const recorded: Record<string, string> = {};
    for (const toolchain of TOOLCHAINS) {
      const { module } = load(toolchain, sources.UNANNOTATED_PROPERTY, 'premise');
      const cls = module.TcLoose as { prototype: object };
      const type: unknown = Reflect.getMetadata('design:type', cls.prototype, 'name');
      recorded[toolchain] = typeof type === 'function' ? type.name : String(type);
      forget('TcLoose');
    }
    expect(recorded).toEqual({ tsc: 'Object', 'ts-jest': 'Object', swc: 'undefined', babel: 'undefined' });
  });
});

describe('a contract with every type annotated', () => {
  let peer: DevPeer;

  beforeAll(async () => {
    peer = await DevPeer.start();
  });

  afterAll(async () => {
    await peer.stop();
  });

  const item = (fields: Record<string, unknown> = {}): string =>
    JSON.stringify({
      id: 'a1',
      size: 3,
      colour: 'blue',
      level: 1,
      tags: ['x'],
      created: '2024-01-01T00:00:00Z',
      ...fields,
    });

  const calls: string[][] = [
    ['typed:Put', item(), '7', 'true', '1'],
    ['typed:Put', item({ size: 'big' }), '7', 'true', '1'],
    ['typed:Put', item({ colour: 42 }), '7', 'true', '1'],
    ['typed:Put', item({ created: 'yesterday' }), '7', 'true', '1'],
    ['typed:Put', item(), 'seven', 'true', '1'],
    ['typed:Put', item(), '7', 'yes', '1'],
    ['typed:Put', item(), '7', 'true', 'high'],
    ['typed:Put', item()],
  ];

  it('gives the same metadata and the same answers under tsc, ts-jest, swc and Babel', async () => {
    const metadata: Partial<Record<Toolchain, ContractMetadataJson>> = {};
    const answers: Partial<Record<Toolchain, Answer[]>> = {};
    for (const toolchain of TOOLCHAINS) {
      const build = load(toolchain, sources.TYPED, 'typed');
      metadata[toolchain] = metadataOf(build);
      const running = await runOurs(peer, contractsOf(build));
      try {
        const got: Answer[] = [];
        for (const args of calls) got.push(await running.call(args));
        answers[toolchain] = got;
      } finally {
        await running.stop();
        forget('TcItem');
      }
    }
    for (const toolchain of TOOLCHAINS) {
      expect({ toolchain, metadata: metadata[toolchain] }).toEqual({ toolchain, metadata: metadata.tsc });
      expect({ toolchain, answers: answers[toolchain] }).toEqual({ toolchain, answers: answers.tsc });
    }
    // enums are the type of their values (Babel records the enum object, tsc and swc the type)
    expect(metadata.tsc?.components?.schemas?.TcItem?.properties).toEqual({
      id: { type: 'string' },
      size: { type: 'number' },
      colour: { type: 'string' },
      level: { type: 'number' },
      tags: { type: 'array' },
      created: { type: 'string', format: 'date-time' },
    });
    expect(metadata.tsc?.contracts.typed?.transactions[0]?.parameters?.map((p) => [p.name, p.schema])).toEqual([
      ['item', { $ref: '#/components/schemas/TcItem' }],
      ['count', { type: 'number' }],
      ['flag', { type: 'boolean' }],
      ['level', { type: 'number' }],
    ]);
    const where = (p: string): string => `parameter '${p}' of transaction 'Put' in contract 'typed'`;
    expect(answers.tsc).toEqual([
      { status: 200, message: '', payload: 'TcItem:a1:number:7:true:1' },
      { status: 500, message: `Unable to validate ${where('item')}: /size must be number`, payload: '' },
      { status: 500, message: `Unable to validate ${where('item')}: /colour must be string`, payload: '' },
      {
        status: 500,
        message: `Unable to validate ${where('item')}: /created must match format "date-time"`,
        payload: '',
      },
      { status: 500, message: `Unable to convert ${where('count')}: "seven" is not a number`, payload: '' },
      {
        status: 500,
        message: `Unable to convert ${where('flag')}: "yes" is not a boolean (true or false)`,
        payload: '',
      },
      { status: 500, message: `Unable to convert ${where('level')}: "high" is not a number`, payload: '' },
      { status: 500, message: 'Expected 4 parameters, but 1 have been supplied', payload: '' },
    ]);
  }, 120000);
});

describe('a member whose type the compiler did not record', () => {
  const cases: [string, string, string[], RegExp][] = [
    [
      'an unannotated property (@Property() name = "")',
      sources.UNANNOTATED_PROPERTY,
      ['TcLoose'],
      /^Type not properly specified for property name of TcLoose: the compiler recorded no usable type/,
    ],
    [
      'a property typed with an interface',
      sources.INTERFACE_PROPERTY,
      ['TcLabelled'],
      /^Type not properly specified for property labels of TcLabelled: /,
    ],
    [
      'an unannotated parameter',
      sources.UNANNOTATED_PARAMETER,
      [],
      /^Type not properly specified for parameter value, can not process pure Object types: .* of transaction Put in contract TcParamContract/,
    ],
  ];

  it.each(cases)(
    '%s: the same coded error under every toolchain, when the chaincode is created',
    (_what, source, objects, message) => {
      const failures: Partial<Record<Toolchain, Failure | undefined>> = {};
      for (const toolchain of TOOLCHAINS) {
        const build = load(toolchain, source, 'untyped');
        failures[toolchain] = creationFailure(build);
        forget(...objects);
      }
      for (const toolchain of TOOLCHAINS) {
        expect({ toolchain, failure: failures[toolchain] }).toEqual({ toolchain, failure: failures.tsc });
      }
      expect(failures.tsc).toEqual({
        name: 'MetadataError',
        code: 'CC_API_TYPE_NOT_RECORDED',
        message: expect.stringMatching(message),
      });
    },
  );

  it('is also an error, the same under every toolchain, when the build emits no decorator metadata', () => {
    for (const [, source, objects] of cases) {
      const failures: Failure[] = [];
      for (const toolchain of TOOLCHAINS) {
        failures.push(
          creationFailure(load(toolchain, source, 'untyped', false)) ?? { name: '', code: '', message: '' },
        );
        forget(...objects);
      }
      expect(failures.map((f) => JSON.stringify(f))).toEqual(failures.map(() => JSON.stringify(failures[0])));
      expect(failures[0]).toMatchObject({ name: 'MetadataError', code: 'CC_API_TYPE_NOT_RECORDED' });
    }
  });
});

describe('the same members typed in the decorators', () => {
  let peer: DevPeer;

  beforeAll(async () => {
    peer = await DevPeer.start();
  });

  afterAll(async () => {
    await peer.stop();
  });

  it('work identically under every toolchain, with or without decorator metadata', async () => {
    const calls = [
      ['described:Put', '{"id":"d1","name":"Ann","size":2}', 'hello'],
      ['described:Put', '{"id":"d1","name":42,"size":2}', 'hello'],
      ['described:Put', '{"id":"d1","size":2}', 'hello'],
      ['described:Put', '{"id":"d1","name":"Ann","size":-1}', 'hello'],
    ];
    const results = new Map<string, { metadata: ContractMetadataJson; answers: Answer[] }>();
    for (const metadata of [true, false]) {
      for (const toolchain of TOOLCHAINS) {
        const build = load(toolchain, sources.DESCRIBED, 'described', metadata);
        const running = await runOurs(peer, contractsOf(build));
        try {
          const answers: Answer[] = [];
          for (const args of calls) answers.push(await running.call(args));
          results.set(`${toolchain}${metadata ? '' : ' (no metadata)'}`, { metadata: metadataOf(build), answers });
        } finally {
          await running.stop();
          forget('TcDescribed');
        }
      }
    }
    const reference = results.get('tsc');
    for (const [variant, result] of results) expect({ variant, ...result }).toEqual({ variant, ...reference });
    const where = "parameter 'item' of transaction 'Put' in contract 'described'";
    expect(reference?.answers).toEqual([
      { status: 200, message: '', payload: '' },
      { status: 500, message: `Unable to validate ${where}: /name must be string`, payload: '' },
      { status: 500, message: `Unable to validate ${where}: must have required property 'name'`, payload: '' },
      { status: 500, message: `Unable to validate ${where}: /size must be >= 0`, payload: '' },
    ]);
    expect(reference?.metadata.components?.schemas?.TcDescribed).toEqual({
      $id: 'TcDescribed',
      type: 'object',
      properties: { id: { type: 'string' }, name: { type: 'string' }, size: { type: 'integer', minimum: 0 } },
      required: ['name'],
    });
  }, 120000);
});

describe('fabric-contract-api 2.5.8 with an unannotated property', () => {
  const officialSource = sources.UNANNOTATED_PROPERTY.replace("'@chaincode/contract-api'", "'fabric-contract-api'");

  it('under tsc: writes $ref "Object", and the chaincode cannot be created', () => {
    const { module } = load('tsc', officialSource, 'official');
    const ChaincodeFromContract = require('fabric-shim/lib/contract-spi/chaincodefromcontract') as new (
      ...args: unknown[]
    ) => unknown;
    const { JSONSerializer } = require('fabric-contract-api') as { JSONSerializer: unknown };
    const serializers = { transaction: 'jsonSerializer', serializers: { jsonSerializer: JSONSerializer } };
    expect(() => new ChaincodeFromContract(module.contracts, serializers, {}, 't', '1')).toThrow(
      "can't resolve reference Object from id TcLoose#",
    );
  });

  it('under swc: throws a TypeError while the class is defined', () => {
    expect(() => load('swc', officialSource, 'official')).toThrow(
      new TypeError("Cannot read properties of undefined (reading 'toString')"),
    );
  });
});
