/**
 * Test helper: certificates made with @peculiar/x509 (a well-kept library, independent of our DER
 * reader), plus a tiny DER writer for names with string types the library cannot produce.
 */
import 'reflect-metadata';
import { webcrypto } from 'node:crypto';
import * as x509 from '@peculiar/x509';

x509.cryptoProvider.set(webcrypto as unknown as Parameters<typeof x509.cryptoProvider.set>[0]);

export type KeyKind = 'ec' | 'rsa';

const algorithms = {
  ec: { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' },
  rsa: { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256', publicExponent: new Uint8Array([1, 0, 1]), modulusLength: 2048 },
} as const;

const keyPairs = new Map<KeyKind, Promise<webcrypto.CryptoKeyPair>>();

function keyPair(kind: KeyKind): Promise<webcrypto.CryptoKeyPair> {
  let pair = keyPairs.get(kind);
  if (pair === undefined) {
    pair = webcrypto.subtle.generateKey(algorithms[kind], true, ['sign', 'verify']);
    keyPairs.set(kind, pair);
  }
  return pair;
}

/** A name as @peculiar/x509 JSON (`[{ CN: ['a'] }, ...]`) or as DER bytes of a Name. */
export type NameSpec = x509.JsonName | Uint8Array;

export interface CertificateSpec {
  subject: NameSpec;
  issuer?: NameSpec;
  key?: KeyKind;
  /** Raw value of extension 1.2.3.4.5.6.7.8.1 (Fabric CA attributes); omitted when undefined. */
  attributes?: string | Uint8Array;
  /** Extra extensions (OID, raw value). */
  extensions?: [string, Uint8Array][];
  serialNumber?: string;
}

function toName(spec: NameSpec): x509.Name {
  return spec instanceof Uint8Array ? new x509.Name(spec) : new x509.Name(spec);
}

/** A signed certificate as PEM text. */
export async function makeCertificate(spec: CertificateSpec): Promise<string> {
  const kind = spec.key ?? 'ec';
  const keys = await keyPair(kind);
  const extensions: x509.Extension[] = [];
  if (spec.attributes !== undefined) {
    extensions.push(new x509.Extension('1.2.3.4.5.6.7.8.1', false, Buffer.from(spec.attributes)));
  }
  for (const [oid, value] of spec.extensions ?? []) extensions.push(new x509.Extension(oid, false, value));
  const certificate = await x509.X509CertificateGenerator.create({
    serialNumber: spec.serialNumber ?? '0a1b2c',
    subject: toName(spec.subject),
    issuer: toName(spec.issuer ?? [{ C: ['US'] }, { O: ['Test CA'] }, { CN: ['ca.example.com'] }]),
    notBefore: new Date('2024-01-01T00:00:00Z'),
    notAfter: new Date('2034-01-01T00:00:00Z'),
    signingAlgorithm: algorithms[kind],
    publicKey: keys.publicKey,
    signingKey: keys.privateKey,
    extensions,
  });
  return certificate.toString('pem');
}

/** DER writer for hand-made names: tag-length-value. */
export function tlv(tag: number, body: Uint8Array | string): Buffer {
  const content = Buffer.from(body);
  const length = content.length;
  let header: number[];
  if (length < 0x80) header = [tag, length];
  else if (length < 0x100) header = [tag, 0x81, length];
  else header = [tag, 0x82, length >> 8, length & 0xff];
  return Buffer.concat([Buffer.from(header), content]);
}

/** DER OBJECT IDENTIFIER for dotted text. */
export function oid(dotted: string): Buffer {
  const arcs = dotted.split('.').map(Number);
  const subidentifiers = [(arcs[0] ?? 0) * 40 + (arcs[1] ?? 0), ...arcs.slice(2)];
  const octets: number[] = [];
  for (const subidentifier of subidentifiers) {
    const group: number[] = [];
    let value = subidentifier;
    do {
      group.unshift(value & 0x7f);
      value = Math.floor(value / 128);
    } while (value > 0);
    for (let i = 0; i < group.length - 1; i++) group[i] = (group[i] ?? 0) | 0x80;
    octets.push(...group);
  }
  return tlv(0x06, Buffer.from(octets));
}

/** One attribute of a hand-made name: OID, value tag, value bytes. */
export type RawAttribute = [oid: string, tag: number, value: Uint8Array | string];

/** DER Name from RDNs, each a list of attributes kept in the given order (even if not DER-sorted). */
export function rawName(rdns: RawAttribute[][]): Buffer {
  return tlv(
    0x30,
    Buffer.concat(
      rdns.map((rdn) =>
        tlv(
          0x31,
          Buffer.concat(rdn.map(([type, tag, value]) => tlv(0x30, Buffer.concat([oid(type), tlv(tag, value)])))),
        ),
      ),
    ),
  );
}

/** A stub-like object carrying only a creator, as a chaincode stub would. */
export function creatorStub(pem: string | Uint8Array, mspid = 'Org1MSP') {
  const idBytes = typeof pem === 'string' ? Buffer.from(pem) : pem;
  return {
    getCreator: () => ({ mspid, idBytes }),
    getChannelID: () => 'mychannel',
    getTxID: () => 'tx1',
  };
}
