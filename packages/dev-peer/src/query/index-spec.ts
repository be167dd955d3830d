import { errorMessage } from '@chaincode/contract-api/internal';
import type { IndexFile } from './index-catalog';
import { readIndexFiles } from './index-files';
import { IndexDefinitionError } from './query-error';

/** A CouchDB index given to the dev peer directly (what a file under META-INF/statedb/couchdb holds). */
export interface IndexSpec {
  /** The definition: JSON text, or the object, e.g. {index: {fields: ['docType', 'owner']}, ddoc: 'indexOwnerDoc', name: 'indexOwner', type: 'json'}. */
  readonly definition: string | Uint8Array | Readonly<Record<string, unknown>>;
  /** Index a private data collection (META-INF/statedb/couchdb/collections/<collection>/indexes). */
  readonly collection?: string;
  /** The file name it stands for ("indexOwner.json"): messages name it, and files apply in name order. */
  readonly fileName?: string;
}

/** Where a chaincode's indexes come from. */
export interface ChaincodeIndexes {
  /** The chaincode's project directory: its META-INF/statedb/couchdb index files are read. */
  readonly modulePath?: string;
  /** Index definitions given directly, applied after the files of `modulePath`. */
  readonly indexes?: readonly IndexSpec[];
}

/** The index files of a chaincode: those under modulePath, then the given ones. */
export function chaincodeIndexFiles(source: ChaincodeIndexes): IndexFile[] {
  const files = source.modulePath !== undefined ? readIndexFiles(source.modulePath) : [];
  (source.indexes ?? []).forEach((spec, i) => {
    const fileName = spec.fileName ?? `option-${String(i + 1).padStart(3, '0')}.json`;
    const dir =
      spec.collection !== undefined
        ? `META-INF/statedb/couchdb/collections/${spec.collection}/indexes`
        : 'META-INF/statedb/couchdb/indexes';
    files.push({ path: `${dir}/${fileName}`, content: definitionText(spec, fileName) });
  });
  return files;
}

function definitionText(spec: IndexSpec, fileName: string): string {
  const { definition } = spec;
  if (typeof definition === 'string') return definition;
  if (definition instanceof Uint8Array) return Buffer.from(definition).toString('utf8');
  try {
    return JSON.stringify(definition);
  } catch (error) {
    throw new IndexDefinitionError(`the index ${fileName} cannot be written as JSON: ${errorMessage(error)}`);
  }
}
