import { shimLogger } from '@chaincode/shim/internal';
import { CouchError } from './couch-error';
import { createIndex, validateIndexFile, type IndexDefinition } from './index-definition';
import { IndexDefinitionError } from './query-error';

const logger = shimLogger('dev-peer');

/** An index file of a chaincode package: its path in the package and its content. */
export interface IndexFile {
  /** e.g. "META-INF/statedb/couchdb/indexes/indexOwner.json" */
  readonly path: string;
  readonly content: string;
}

const STATEDB = 'META-INF/statedb';
const NAMESPACE_INDEXES = 'META-INF/statedb/couchdb/indexes';
const COLLECTION_NAME = '[A-Za-z0-9_-]+';
// Fabric's ccmetadata fileValidators (unanchored at the end, as Go's MatchString).
const NAMESPACE_FILE = /^META-INF\/statedb\/couchdb\/indexes\/.*[.]json/;
const COLLECTION_FILE = new RegExp(`^META-INF/statedb/couchdb/collections/${COLLECTION_NAME}/indexes/.*[.]json`);
const COLLECTION_DIR = new RegExp(`^META-INF/statedb/couchdb/collections/(${COLLECTION_NAME})/indexes$`);

/**
 * The CouchDB indexes of every deployed chaincode: those of its namespace and those of each private
 * data collection. Installing validates every file as Fabric does at install (a bad file refuses
 * the deploy), then creates the indexes in file-name order, as the peer does when the chaincode is
 * defined: a later file with the same design document and name replaces an earlier one, and a
 * definition CouchDB refuses is logged and skipped.
 */
export class IndexCatalog {
  private readonly databases = new Map<string, Map<string, IndexDefinition>>();

  install(namespace: string, files: readonly IndexFile[]): void {
    const definitions = files.map((file) => {
      if (!file.path.startsWith(`${STATEDB}/`)) return undefined; // other META-INF files are not the peer's
      const problem = metadataPathProblem(file.path);
      if (problem !== undefined) throw new IndexDefinitionError(`chaincode ${namespace}: ${problem}`);
      return { file, definition: validateIndexFile(file.path, file.content) };
    });
    const sorted = definitions
      .filter((d): d is NonNullable<typeof d> => d !== undefined)
      .sort((a, b) => (a.file.path < b.file.path ? -1 : a.file.path > b.file.path ? 1 : 0));
    for (const { file, definition } of sorted) {
      const dir = file.path.slice(0, file.path.lastIndexOf('/'));
      const collection = dir === NAMESPACE_INDEXES ? '' : COLLECTION_DIR.exec(dir)?.[1];
      if (collection === undefined) continue; // validated, but Fabric reads only the indexes directories
      try {
        const index = createIndex(definition, file.path);
        this.database(namespace, collection).set(`${index.ddoc}\u0000${index.name}`, index);
      } catch (error) {
        if (!(error instanceof CouchError)) throw error;
        logger.warning(`error creating index from file [${file.path}] for chaincode [${namespace}]: ${error.message}`);
      }
    }
  }

  /** The JSON indexes of a namespace ('' collection) or of one of its collections. */
  indexes(namespace: string, collection: string): IndexDefinition[] {
    return [...(this.databases.get(databaseName(namespace, collection))?.values() ?? [])];
  }

  private database(namespace: string, collection: string): Map<string, IndexDefinition> {
    const name = databaseName(namespace, collection);
    let db = this.databases.get(name);
    if (db === undefined) {
      db = new Map();
      this.databases.set(name, db);
    }
    return db;
  }
}

/** Fabric keeps a collection's private data in the database of namespace "<ns>$$p<collection>". */
function databaseName(namespace: string, collection: string): string {
  return collection === '' ? namespace : `${namespace}$$p${collection}`;
}

/** ccmetadata.ValidateMetadataFile: only index files in the couchdb index directories are allowed. */
export function metadataPathProblem(path: string): string | undefined {
  if (NAMESPACE_FILE.test(path) || COLLECTION_FILE.test(path)) return undefined;
  const slash = path.lastIndexOf('/');
  const dir = path.slice(0, slash + 1);
  const file = path.slice(slash + 1);
  const parts = dir.split('/').filter((p) => p !== '');
  if (parts.length < 4) return `metadata file path must include a database and index directory: ${dir}`;
  if (parts[2] !== 'couchdb') return `database name [${parts[2] ?? ''}] is not supported, valid options: [couchdb]`;
  if (parts.length === 4 && parts[3] !== 'indexes')
    return `metadata file path does not have an indexes directory: ${dir}`;
  if (parts.length !== 6)
    return `metadata file path for collections must include a collections and index directory: ${dir}`;
  if (parts[3] !== 'collections' || parts[5] !== 'indexes') {
    return `metadata file path for collections must have a collections and indexes directory: ${dir}`;
  }
  if (!new RegExp(`^${COLLECTION_NAME}`).test(parts[4] ?? '')) return `collection name is not valid: ${parts[4] ?? ''}`;
  if (!/^.*[.]json/.test(file)) return `artifact file name is not valid: ${file}`;
  return `metadata file path or name is not supported: ${dir}`;
}
