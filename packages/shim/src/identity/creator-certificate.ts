import { X509Certificate } from 'crypto'; // not 'node:crypto': public declarations must compile with older @types/node
import { errorMessage } from '@chaincode/contract-api/internal';
import { IdentityError } from '../errors/shim-error';
import { readCertificateFields } from './certificate-fields';
import { formatFabricShimName } from './distinguished-name';
import { FABRIC_CA_ATTRIBUTES_OID, parseFabricAttributes, type FabricAttributes } from './fabric-attributes';
import { LruCache } from './identity-cache';
import { asBuffer } from '../wire/bytes';

/** Everything ClientIdentity derives from one creator certificate; immutable and shared. */
export interface CreatorCertificate {
  /** fabric-shim's `x509::<subject>::<issuer>`. */
  readonly id: string;
  readonly attributes: FabricAttributes;
  /**
   * node:crypto's view of the certificate, made on first use (OpenSSL is stricter than our reader
   * about some subject value types; such a certificate still has an id and attributes).
   * @throws IdentityError when OpenSSL refuses the certificate.
   */
  x509(): X509Certificate;
}

/** Distinct creators kept parsed; a channel rarely sees more clients than this in a burst. */
const CACHE_CAPACITY = 512;
const cache = new LruCache<string, CreatorCertificate>(CACHE_CAPACITY);

const PEM_BEGIN = '-----BEGIN CERTIFICATE-----';
const PEM_END = '-----END CERTIFICATE-----';
const BASE64_BODY = /^[A-Za-z0-9+/=\s]*$/;

/**
 * Parse a creator's `idBytes` (a PEM certificate), once per distinct byte string: repeated calls
 * with equal bytes return the same object from a bounded LRU cache.
 * @throws IdentityError when the bytes hold no PEM certificate or the certificate is malformed.
 */
export function parseCreatorCertificate(idBytes: Uint8Array, mspId: string): CreatorCertificate {
  const text = asBuffer(idBytes).toString('latin1');
  const cached = cache.get(text);
  if (cached !== undefined) return cached;
  const parsed = parse(text, mspId);
  cache.set(text, parsed);
  return parsed;
}

function parse(text: string, mspId: string): CreatorCertificate {
  const der = pemBody(text, mspId);
  let fields: ReturnType<typeof readCertificateFields>;
  try {
    fields = readCertificateFields(der);
  } catch (err) {
    throw new IdentityError(`the creator certificate of MSP "${mspId}" cannot be parsed: ${errorMessage(err)}`, {
      cause: err,
    });
  }
  let certificate: X509Certificate | IdentityError | undefined;
  return {
    id: `x509::${formatFabricShimName(fields.subject)}::${formatFabricShimName(fields.issuer)}`,
    attributes: parseFabricAttributes(fields.extensions.get(FABRIC_CA_ATTRIBUTES_OID)),
    x509(): X509Certificate {
      certificate ??= openCertificate(der, mspId);
      if (certificate instanceof IdentityError) throw certificate;
      return certificate;
    },
  };
}

function openCertificate(der: Buffer, mspId: string): X509Certificate | IdentityError {
  try {
    return new X509Certificate(der);
  } catch (err) {
    return new IdentityError(
      `node:crypto cannot load the creator certificate of MSP "${mspId}": ${errorMessage(err)}`,
      {
        cause: err,
      },
    );
  }
}

/** DER bytes of the first PEM certificate block in `text`. */
function pemBody(text: string, mspId: string): Buffer {
  const begin = text.indexOf(PEM_BEGIN);
  if (begin < 0) {
    throw new IdentityError(
      `the creator of MSP "${mspId}" is not a PEM X.509 certificate; idemix and other non-X.509 identities are not supported by ClientIdentity`,
    );
  }
  const bodyStart = begin + PEM_BEGIN.length;
  const end = text.indexOf(PEM_END, bodyStart);
  const body = end < 0 ? '' : text.slice(bodyStart, end);
  if (end < 0 || !BASE64_BODY.test(body)) {
    throw new IdentityError(`the creator certificate of MSP "${mspId}" is not a well-formed PEM block`);
  }
  return Buffer.from(body.replace(/\s+/g, ''), 'base64');
}
