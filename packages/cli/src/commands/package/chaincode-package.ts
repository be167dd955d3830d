import { createHash } from 'node:crypto';
import { CliError } from '../../errors/cli-error';
import { storedGzip } from './stored-gzip';
import { createTar, type TarEntry } from './tar-archive';

/** What `peer lifecycle chaincode install` reads: metadata.json and code.tar.gz in a gzipped tar. */
export interface ChaincodePackage {
  readonly label: PackageLabel;
  readonly bytes: Buffer;
  /** `label:sha256(bytes)`, the id the peer reports after install. */
  readonly packageId: string;
}

/**
 * Fabric's rule for package labels (`LabelRegexp` in core/chaincode/persistence): alphanumeric runs
 * joined by single `.`, `_`, `+` or `-`, so no separator first, last or twice in a row. (Fabric's
 * class `[.+-_]` is, by accident, the range `+`..`_`; we keep to the four symbols its message names.)
 */
const LABEL_PATTERN = /^[A-Za-z0-9]+(?:[._+-][A-Za-z0-9]+)*$/;

/** A label that passed {@link checkLabel}; the package builders take nothing else. */
export type PackageLabel = string & { readonly __packageLabel: true };

/** The one check of a package label: the peer refuses to install a package whose label fails it. */
export function checkLabel(label: string): PackageLabel {
  if (!LABEL_PATTERN.test(label)) {
    throw new CliError(
      'CC_CLI_INVALID_ARGUMENT',
      `invalid label "${label}": letters and digits, joined by single _ . + - (not first or last), e.g. basic_1.0 (set --label)`,
    );
  }
  return label as PackageLabel;
}

export interface ConnectionJson {
  readonly address: string;
  readonly dial_timeout: string;
  readonly tls_required: boolean;
  readonly client_auth_required?: boolean;
  readonly root_cert?: string;
  readonly client_key?: string;
  readonly client_cert?: string;
}

/**
 * A chaincode-as-a-service package: the peer's ccaas builder dials `connection.address`. `metaInf`
 * (CouchDB index definitions, paths starting META-INF/) goes next to connection.json, where the peer
 * reads the indexes and the builder copies META-INF from.
 */
export function ccaasPackage(
  label: PackageLabel,
  connection: ConnectionJson,
  metaInf: readonly TarEntry[] = [],
): ChaincodePackage {
  const code = [
    { path: 'connection.json', content: Buffer.from(JSON.stringify(connection, null, 2) + '\n') },
    ...metaInf,
  ];
  return buildPackage(label, 'ccaas', code);
}

/**
 * A Node source package: the peer's node builder installs and runs what is under src/. As with
 * `peer lifecycle chaincode package`, META-INF/ (CouchDB index definitions) goes at the top level,
 * where the peer reads it; contract metadata belongs in contract-metadata/metadata.json.
 */
export function nodePackage(label: PackageLabel, sources: readonly TarEntry[]): ChaincodePackage {
  return buildPackage(
    label,
    'node',
    sources.map((s) => ({ path: s.path.startsWith('META-INF/') ? s.path : `src/${s.path}`, content: s.content })),
  );
}

function buildPackage(label: PackageLabel, type: 'ccaas' | 'node', code: readonly TarEntry[]): ChaincodePackage {
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
