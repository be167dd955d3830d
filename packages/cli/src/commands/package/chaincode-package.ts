import { createHash } from 'node:crypto';
import { storedGzip } from './stored-gzip';
import { createTar, type TarEntry } from './tar-archive';

/** What `peer lifecycle chaincode install` reads: metadata.json and code.tar.gz in a gzipped tar. */
export interface ChaincodePackage {
  readonly label: string;
  readonly bytes: Buffer;
  /** `label:sha256(bytes)`, the id the peer reports after install. */
  readonly packageId: string;
}

/** Fabric's rule for package labels. */
export const LABEL_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.+-]*$/;

export interface ConnectionJson {
  readonly address: string;
  readonly dial_timeout: string;
  readonly tls_required: boolean;
  readonly client_auth_required?: boolean;
  readonly root_cert?: string;
  readonly client_key?: string;
  readonly client_cert?: string;
}

/** A chaincode-as-a-service package: the peer's ccaas builder dials `connection.address`. */
export function ccaasPackage(label: string, connection: ConnectionJson): ChaincodePackage {
  const code = [{ path: 'connection.json', content: Buffer.from(JSON.stringify(connection, null, 2) + '\n') }];
  return buildPackage(label, 'ccaas', code);
}

/**
 * A Node source package: the peer's node builder installs and runs what is under src/. As with
 * `peer lifecycle chaincode package`, META-INF/ (CouchDB index definitions) goes at the top level,
 * where the peer reads it; contract metadata belongs in contract-metadata/metadata.json.
 */
export function nodePackage(label: string, sources: readonly TarEntry[]): ChaincodePackage {
  return buildPackage(
    label,
    'node',
    sources.map((s) => ({ path: s.path.startsWith('META-INF/') ? s.path : `src/${s.path}`, content: s.content })),
  );
}

function buildPackage(label: string, type: 'ccaas' | 'node', code: readonly TarEntry[]): ChaincodePackage {
  if (!LABEL_PATTERN.test(label)) {
    throw new Error(`invalid label "${label}": use letters, digits and _ . + - (starting with a letter or digit)`);
  }
  const codeTarGz = storedGzip(createTar(code));
  const metadata = Buffer.from(JSON.stringify({ type, label }));
  const bytes = storedGzip(
    createTar([
      { path: 'metadata.json', content: metadata },
      { path: 'code.tar.gz', content: codeTarGz },
    ]),
  );
  const hash = createHash('sha256').update(bytes).digest('hex');
  return { label, bytes, packageId: `${label}:${hash}` };
}
