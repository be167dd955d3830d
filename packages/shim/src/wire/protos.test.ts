/**
 * Codec cross-check: every message type of our .proto files against the official
 * @hyperledger/fabric-protos (google-protobuf) classes, in both directions. Field lists come from
 * reflecting over OUR .proto files; the official side is read and written through its generated
 * getters and setters, so a wrong field number, type or enum value on our side shows up as a
 * mismatch.
 */
import { join } from 'node:path';
import { readdirSync, statSync } from 'node:fs';
import Long from 'long';
import * as protobuf from 'protobufjs';
import * as generated from '../generated/protos';
import { decodeChaincodeMessage, encodeChaincodeMessage, MessageType } from './protos';

const fabricProtos = require('@hyperledger/fabric-protos');
const { Timestamp: OfficialTimestamp } = require('google-protobuf/google/protobuf/timestamp_pb');

// ---- reflection over our .proto files -------------------------------------------------------

const protoDir = join(__dirname, '..', '..', 'protos');
function listProtos(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? listProtos(full) : name.endsWith('.proto') ? [full] : [];
  });
}
const resolveProto = (_origin: string, target: string): string =>
  target.startsWith(protoDir) ? target : join(protoDir, target);
const reflectionRoot = new protobuf.Root();
reflectionRoot.resolvePath = resolveProto;
reflectionRoot.loadSync(listProtos(protoDir));
reflectionRoot.resolveAll();

function allTypes(namespace: protobuf.NamespaceBase): protobuf.Type[] {
  return namespace.nestedArray.flatMap((nested) => {
    const inner = nested instanceof protobuf.Namespace ? allTypes(nested) : [];
    return nested instanceof protobuf.Type ? [nested, ...inner] : inner;
  });
}
function allEnums(namespace: protobuf.NamespaceBase): protobuf.Enum[] {
  return namespace.nestedArray.flatMap((nested) => {
    if (nested instanceof protobuf.Enum) return [nested];
    return nested instanceof protobuf.Namespace ? allEnums(nested) : [];
  });
}
const messageTypes = allTypes(reflectionRoot).filter(
  (type) => !type.fullName.startsWith('.google.protobuf.Timestamp.'),
);

// ---- the two codecs, addressed by full name -------------------------------------------------

interface OurCodec {
  encode(message: object): { finish(): Uint8Array };
  decode(bytes: Uint8Array): Record<string, unknown>;
}
interface TheirMessage {
  serializeBinary(): Uint8Array;
  [accessor: string]: unknown;
}
interface TheirClass {
  new (): TheirMessage;
  deserializeBinary(bytes: Uint8Array): TheirMessage;
}

function lookup(root: unknown, path: string[]): unknown {
  let node = root;
  for (const part of path) node = (node as Record<string, unknown> | undefined)?.[part];
  return node;
}
function ours(type: protobuf.ReflectionObject): OurCodec {
  const codec = lookup(generated, type.fullName.slice(1).split('.'));
  if (codec === undefined) throw new Error(`no generated class for ${type.fullName}`);
  return codec as OurCodec;
}
const officialPackages: Record<string, unknown> = {
  protos: fabricProtos.peer,
  common: fabricProtos.common,
  msp: fabricProtos.msp,
  queryresult: fabricProtos.ledger.queryresult,
};
function theirs(type: protobuf.ReflectionObject): TheirClass {
  if (type.fullName === '.google.protobuf.Timestamp') return OfficialTimestamp as TheirClass;
  const [pkg = '', ...rest] = type.fullName.slice(1).split('.');
  const found = lookup(officialPackages[pkg], rest);
  if (found === undefined) throw new Error(`no official class for ${type.fullName}`);
  return found as TheirClass;
}

/** The proto field names as written in the .proto files (protobufjs camel-cases them on load). */
const originalNames = new Map<protobuf.Field, string>();

/** google-protobuf's accessor name: the proto field name lower-cased, camel-cased at underscores, capitalised. */
function cap(field: protobuf.Field): string {
  const original = originalNames.get(field);
  if (original === undefined) throw new Error(`no original name for ${field.fullName}`);
  const stem = original
    .toLowerCase()
    .split('_')
    .map((part, index) => (index === 0 ? part : part.charAt(0).toUpperCase() + part.slice(1)))
    .join('');
  return stem.charAt(0).toUpperCase() + stem.slice(1);
}

const keepCaseRoot = new protobuf.Root();
keepCaseRoot.resolvePath = resolveProto;
keepCaseRoot.loadSync(listProtos(protoDir), { keepCase: true });
for (const type of messageTypes) {
  const original = keepCaseRoot.lookupType(type.fullName);
  for (const field of type.fieldsArray) {
    const match = original.fieldsArray.find((candidate) => candidate.id === field.id);
    if (match === undefined) throw new Error(`field ${field.id} of ${type.fullName} not found`);
    originalNames.set(field, match.name);
  }
}

// ---- sample values --------------------------------------------------------------------------

const MAX_DEPTH = 3;

function scalarSample(field: protobuf.Field, salt: number): unknown {
  const resolved = field.resolvedType;
  if (resolved instanceof protobuf.Enum) {
    const values = Object.values(resolved.values);
    return values[(salt + field.id) % values.length] === 0
      ? Math.max(...values)
      : values[(salt + field.id) % values.length];
  }
  switch (field.type) {
    case 'string':
      return `${field.name}-ü/${salt}`;
    case 'bytes':
      return Buffer.from([field.id, 0x00, 0xff, salt & 0xff, 0x80]);
    case 'int32':
      return -(100_000 + field.id + salt);
    case 'uint32':
      return 3_000_000_000 + field.id + salt;
    case 'int64':
      return Long.fromNumber(2 ** 40 + field.id + salt);
    case 'uint64':
      return Long.fromNumber(2 ** 45 + field.id + salt, true);
    case 'bool':
      return true;
    default:
      throw new Error(`no sample for ${field.type}`);
  }
}

/** A populated message: every field set; `oneofChoice` picks the member of each oneof. */
function sample(type: protobuf.Type, depth = 0, oneofChoice = 0, salt = 1): Record<string, unknown> | undefined {
  if (depth > MAX_DEPTH) return undefined;
  const message: Record<string, unknown> = {};
  for (const field of type.fieldsArray) {
    if (field.partOf !== null) {
      const members = field.partOf.fieldsArray;
      if (members[oneofChoice % members.length] !== field) continue;
    }
    const value = (index: number): unknown =>
      field.resolvedType instanceof protobuf.Type
        ? sample(field.resolvedType, depth + 1, oneofChoice + index, salt + index + 1)
        : scalarSample(field, salt + index);
    if (field instanceof protobuf.MapField) {
      message[field.name] = { a: value(0), 'k/ü': value(1) };
    } else if (field.repeated) {
      const items = [value(0), value(1)].filter((item) => item !== undefined);
      message[field.name] = items;
    } else {
      const single = value(0);
      if (single !== undefined) message[field.name] = single;
    }
  }
  return message;
}

// ---- normal form: one plain shape for both codecs --------------------------------------------

type Normal = string | number | boolean | null | Normal[] | { [key: string]: Normal };

function normalScalar(field: protobuf.Field, value: unknown): Normal {
  if (value === undefined || value === null) return normalScalar(field, defaultOf(field));
  if (field.type === 'bytes') return Buffer.from(value as Uint8Array).toString('hex');
  if (field.type === 'int64' || field.type === 'uint64') {
    if (Long.isLong(value)) return value.toString();
    if (typeof value === 'number') return String(value);
    throw new Error(`unexpected 64-bit value for ${field.name}`);
  }
  return value as Normal;
}
function defaultOf(field: protobuf.Field): unknown {
  if (field.resolvedType instanceof protobuf.Enum) return 0;
  switch (field.type) {
    case 'string':
      return '';
    case 'bytes':
      return new Uint8Array(0);
    case 'bool':
      return false;
    default:
      return 0;
  }
}

/** Our side (a sample or a protobufjs-decoded message) in normal form. */
function normalOurs(type: protobuf.Type, message: Record<string, unknown>): { [key: string]: Normal } {
  const result: { [key: string]: Normal } = {};
  for (const field of type.fieldsArray) {
    const value = message[field.name];
    const child = field.resolvedType instanceof protobuf.Type ? field.resolvedType : undefined;
    const one = (item: unknown): Normal =>
      child ? normalOurs(child, item as Record<string, unknown>) : normalScalar(field, item);
    if (field instanceof protobuf.MapField) {
      const entries = Object.entries((value ?? {}) as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b));
      result[field.name] = Object.fromEntries(entries.map(([key, item]) => [key, one(item)]));
    } else if (field.repeated) {
      result[field.name] = ((value ?? []) as unknown[]).map(one);
    } else if (field.partOf !== null || child) {
      const present = value !== undefined && value !== null && Object.hasOwn(message, field.name);
      result[field.name] = present ? one(value) : null;
    } else {
      result[field.name] = one(value);
    }
  }
  return result;
}

function call(message: TheirMessage, name: string, ...args: unknown[]): unknown {
  // google-protobuf suffixes accessors that collide with jspb.Message's own (`setExtension$`).
  const method = typeof message[`${name}$`] === 'function' ? message[`${name}$`] : message[name];
  if (typeof method !== 'function') throw new Error(`official message has no ${name}()`);
  return (method as (...a: unknown[]) => unknown).apply(message, args);
}

/** The official side, read through its getters, in normal form. */
function normalTheirs(type: protobuf.Type, message: TheirMessage): { [key: string]: Normal } {
  const result: { [key: string]: Normal } = {};
  for (const field of type.fieldsArray) {
    const name = cap(field);
    const child = field.resolvedType instanceof protobuf.Type ? field.resolvedType : undefined;
    const one = (item: unknown): Normal =>
      child ? normalTheirs(child, item as TheirMessage) : normalScalar(field, item);
    const bytes = field.type === 'bytes' ? '_asU8' : '';
    if (field instanceof protobuf.MapField) {
      const map = call(message, `get${name}Map`) as { toArray(): [string, unknown][] };
      const entries = map.toArray().sort(([a], [b]) => a.localeCompare(b));
      result[field.name] = Object.fromEntries(entries.map(([key, item]) => [key, one(item)]));
    } else if (field.repeated) {
      result[field.name] = (call(message, `get${name}List${bytes}`) as unknown[]).map(one);
    } else if (field.partOf !== null || child) {
      result[field.name] = call(message, `has${name}`) === true ? one(call(message, `get${name}${bytes}`)) : null;
    } else {
      result[field.name] = one(call(message, `get${name}${bytes}`));
    }
  }
  return result;
}

/** Build the official message from a sample through its setters. */
function buildTheirs(type: protobuf.Type, message: Record<string, unknown>): TheirMessage {
  const built = new (theirs(type))();
  for (const field of type.fieldsArray) {
    const value = message[field.name];
    if (value === undefined) continue;
    const name = cap(field);
    const child = field.resolvedType instanceof protobuf.Type ? field.resolvedType : undefined;
    const convert = (item: unknown): unknown => {
      if (child) return buildTheirs(child, item as Record<string, unknown>);
      if (Long.isLong(item)) return item.toNumber();
      return item;
    };
    if (field instanceof protobuf.MapField) {
      const map = call(built, `get${name}Map`) as { set(key: string, item: unknown): void };
      for (const [key, item] of Object.entries(value as Record<string, unknown>)) map.set(key, convert(item));
    } else if (field.repeated) {
      call(built, `set${name}List`, (value as unknown[]).map(convert));
    } else {
      call(built, `set${name}`, convert(value));
    }
  }
  return built;
}

// ---- the cross-check ------------------------------------------------------------------------

function oneofVariants(type: protobuf.Type): number[] {
  const widest = Math.max(1, ...type.oneofsArray.map((oneof) => oneof.fieldsArray.length));
  return Array.from({ length: widest }, (_, index) => index);
}
const cases = messageTypes.flatMap((type) =>
  oneofVariants(type).map(
    (variant) => [`${type.fullName.slice(1)}${variant > 0 ? ` (oneof #${variant})` : ''}`, type, variant] as const,
  ),
);

describe('our codec and @hyperledger/fabric-protos agree on every message type', () => {
  it('covers every message type of our .proto files', () => {
    const names = messageTypes.map((type) => type.fullName.slice(1));
    expect(names).toEqual(
      expect.arrayContaining([
        'protos.ChaincodeMessage',
        'protos.WriteBatchState',
        'protos.WriteRecord',
        'protos.GetStateMultiple',
        'protos.GetStateMultipleResult',
        'protos.ChaincodeAdditionalParams',
        'protos.PurgePrivateState',
        'protos.QueryResponseMetadata',
        'protos.ChaincodeProposalPayload',
        'protos.ChaincodeHeaderExtension',
        'common.SignaturePolicyEnvelope',
        'common.SignaturePolicy.NOutOf',
        'msp.SerializedIdentity',
        'queryresult.KeyModification',
        'google.protobuf.Timestamp',
      ]),
    );
    expect(names.length).toBeGreaterThanOrEqual(40);
  });

  it.each(cases)('%s: ours → official', (_name, type, variant) => {
    const message = sample(type, 0, variant)!;
    const bytes = ours(type).encode(message).finish();
    const decoded = theirs(type).deserializeBinary(bytes);
    expect(normalTheirs(type, decoded)).toEqual(normalOurs(type, message));
  });

  it.each(cases)('%s: official → ours', (_name, type, variant) => {
    const message = sample(type, 0, variant)!;
    const bytes = buildTheirs(type, message).serializeBinary();
    const decoded = ours(type).decode(bytes);
    expect(normalOurs(type, decoded)).toEqual(normalOurs(type, message));
  });

  it('the samples are not empty (every field is exercised)', () => {
    for (const type of messageTypes) {
      const message = sample(type)!;
      const settable = type.fieldsArray.filter((field) => field.partOf === null);
      for (const field of settable) expect(message).toHaveProperty([field.name]);
    }
  });
});

describe('enums match the official values', () => {
  const enums = allEnums(reflectionRoot);

  it.each(enums.map((e) => [e.fullName.slice(1), e] as const))('%s', (_name, ourEnum) => {
    const official = lookup(
      ourEnum.fullName === '.common.HeaderType'
        ? fabricProtos.common
        : officialPackages[ourEnum.fullName.split('.')[1]!],
      ourEnum.fullName.split('.').slice(2),
    ) as Record<string, number>;
    expect(official).toBeDefined();
    for (const [name, value] of Object.entries(ourEnum.values)) expect([name, official[name]]).toEqual([name, value]);
  });

  it('every ChaincodeMessage.Type the official knows is ours too, and each survives both codecs', () => {
    const officialTypes = fabricProtos.peer.ChaincodeMessage.Type as Record<string, MessageType>;
    expect(
      Object.keys(MessageType)
        .filter((key) => Number.isNaN(Number(key)))
        .sort(),
    ).toEqual(Object.keys(officialTypes).sort());
    for (const [name, value] of Object.entries(officialTypes)) {
      const bytes = encodeChaincodeMessage({ type: value, txid: `tx-${name}`, channelId: 'ch' });
      const decoded = fabricProtos.peer.ChaincodeMessage.deserializeBinary(bytes);
      expect([name, decoded.getType(), decoded.getTxid()]).toEqual([name, value, `tx-${name}`]);
      const back = new fabricProtos.peer.ChaincodeMessage();
      back.setType(value);
      expect(decodeChaincodeMessage(back.serializeBinary()).type).toBe(value);
    }
  });

  it('every WriteRecord.Type survives both codecs', () => {
    const officialTypes = fabricProtos.peer.WriteRecord.Type as Record<string, generated.protos.WriteRecord.Type>;
    expect(Object.keys(officialTypes).sort()).toEqual(
      Object.keys(generated.protos.WriteRecord.Type)
        .filter((k) => Number.isNaN(Number(k)))
        .sort(),
    );
    for (const value of Object.values(officialTypes)) {
      const bytes = generated.protos.WriteRecord.encode({ key: 'k', type: value }).finish();
      expect(fabricProtos.peer.WriteRecord.deserializeBinary(bytes).getType()).toBe(value);
    }
  });
});

describe('wire details', () => {
  it('Timestamp seconds beyond 32 bits and negative int32 values keep their value', () => {
    const seconds = Long.fromString('253402300799'); // 9999-12-31T23:59:59Z
    const bytes = generated.google.protobuf.Timestamp.encode({ seconds, nanos: 999_999_999 }).finish();
    const decoded = OfficialTimestamp.deserializeBinary(bytes);
    expect([decoded.getSeconds(), decoded.getNanos()]).toEqual([253402300799, 999_999_999]);
    const policy = generated.common.SignaturePolicy.encode({ signedBy: -1 }).finish();
    expect(fabricProtos.common.SignaturePolicy.deserializeBinary(policy).getSignedBy()).toBe(-1);
  });

  it('a signed_by of 0 is still encoded, so the oneof is set (the endorsement policy relies on it)', () => {
    const bytes = generated.common.SignaturePolicy.encode({ signedBy: 0 }).finish();
    expect(Buffer.from(bytes).toString('hex')).toBe('0800');
    const decoded = fabricProtos.common.SignaturePolicy.deserializeBinary(bytes);
    expect(decoded.hasSignedBy()).toBe(true);
    expect(decoded.getTypeCase()).toBe(fabricProtos.common.SignaturePolicy.TypeCase.SIGNED_BY);
  });
});
