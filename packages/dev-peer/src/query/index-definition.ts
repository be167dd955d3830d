import { createHash } from 'node:crypto';
import { CouchError } from './couch-error';
import { isObject, type EJson, type EObject } from './ejson';
import { erlangTerm } from './erlang-format';
import { decodeWhole } from './go-json-decode';
import { goMarshal } from './go-json-encode';
import { IndexDefinitionError } from './query-error';
import { normalizeSelector, type Selector } from './selector-normalize';
import { parseSort } from './sort-spec';

/** A JSON index of a CouchDB database (one namespace, or one private data collection). */
export interface IndexDefinition {
  /** "_design/<name>" */
  readonly ddoc: string;
  readonly name: string;
  /** The indexed fields, in order (mango_idx_view:columns). */
  readonly columns: readonly string[];
  /** A partial index's selector (normalized); such an index is used only when named by use_index. */
  readonly partialFilter: Selector | undefined;
  /** Where it came from, for messages. */
  readonly source: string;
}

/**
 * The checks Fabric makes on an index file when a chaincode package is installed
 * (core/chaincode/platforms/ccmetadata validators.go: couchdbIndexFileValidator): the file is a
 * JSON object with only "index" (an object with "fields", an array whose objects map a field to
 * "asc"/"desc", and an optional "partial_filter_selector"), "ddoc", "name" (strings) and "type"
 * ("json"). A failure refuses the whole install; the message is Fabric's.
 * Go checks keys in map order (random); keys are checked here in sorted order.
 */
export function validateIndexFile(fileName: string, content: string): EObject {
  const decoded = decodeWhole(content, 'float64');
  if (!decoded.ok || !(isObject(decoded.value) || decoded.value === null)) {
    throw new IndexDefinitionError(`Index metadata file [${fileName}] is not a valid JSON`);
  }
  const definition = decoded.value ?? new Map<string, EJson>();
  const problem = indexProblem(definition);
  if (problem !== undefined) {
    throw new IndexDefinitionError(`Index metadata file [${fileName}] is not a valid index definition: ${problem}`);
  }
  return definition;
}

function indexProblem(definition: EObject): string | undefined {
  let indexIncluded = false;
  for (const [key, value] of definition) {
    switch (key) {
      case 'index': {
        if (!isObject(value)) return 'Invalid entry, "index" must be a JSON';
        const problem = indexMapProblem(value);
        if (problem !== undefined) return problem;
        indexIncluded = true;
        break;
      }
      case 'ddoc':
      case 'name':
        if (typeof value !== 'string') return `Invalid entry, "${key}" must be a string`;
        break;
      case 'type':
        if (value !== 'json') return 'Index type must be json';
        break;
      default:
        return `Invalid Entry.  Entry ${key}`;
    }
  }
  return indexIncluded ? undefined : 'Index definition must include a "fields" definition';
}

function indexMapProblem(index: EObject): string | undefined {
  for (const [key, value] of index) {
    if (key === 'partial_filter_selector') continue;
    if (key !== 'fields') return `Invalid Entry.  Entry ${key}`;
    if (!Array.isArray(value)) return 'Expecting a JSON array of fields';
    for (const item of value) {
      if (!isObject(item)) continue; // strings are field names; Fabric ignores other kinds
      for (const [, direction] of item) {
        if (typeof direction !== 'string') {
          return 'Invalid field definition, fields must be in the form "fieldname":"sort"';
        }
        const dir = direction.toLowerCase();
        if (dir !== 'asc' && dir !== 'desc') return `Sort must be either "asc" or "desc".  "${direction}" was found.`;
      }
    }
  }
  return undefined;
}

/**
 * What CouchDB's POST /{db}/_index does with a definition Fabric let through (mango_opts
 * validate_idx_create, mango_idx_view validate_new): "fields" is a valid sort (names or
 * {"name": "asc"|"desc"}, one direction), "partial_filter_selector" a valid selector, the design
 * document and name default to a hash of the definition. A refusal is CouchDB's 400 error, which a
 * peer only logs (the index is then missing).
 */
export function createIndex(definition: EObject, source: string): IndexDefinition {
  const type = definition.get('type');
  if (type !== undefined && type !== 'json') {
    throw new CouchError(
      400,
      'invalid_index',
      `Invalid type for index: ${typeof type === 'string' ? type : erlangTerm(type)}`,
    );
  }
  const index = definition.get('index');
  if (index === undefined) throw new CouchError(400, 'missing_required_key', 'Missing required key: index');
  if (!isObject(index)) {
    throw new CouchError(400, 'invalid_index', `JSON indexes must be an object, not: ${erlangTerm(index)}`);
  }
  const fields = index.get('fields');
  if (fields === undefined) throw new CouchError(400, 'missing_required_key', 'Missing required key: fields');
  for (const key of index.keys()) {
    if (key !== 'fields' && key !== 'partial_filter_selector') {
      throw new CouchError(400, 'invalid_key', `Invalid key ${key} for this request.`);
    }
  }
  const columns = parseSort(fields).fields;
  const filter = index.get('partial_filter_selector');
  let partialFilter: Selector | undefined;
  if (filter !== undefined) {
    if (!isObject(filter)) {
      throw new CouchError(400, 'invalid_selector_json', `Selector must be a JSON object, not: ${erlangTerm(filter)}`);
    }
    partialFilter = filter.size === 0 ? undefined : normalizeSelector(filter);
  }
  const generated = createHash('sha1').update(goMarshal(index)).digest('hex');
  const ddoc = definition.get('ddoc');
  const name = definition.get('name');
  const ddocName = typeof ddoc === 'string' ? ddoc : generated;
  return {
    ddoc: ddocName.startsWith('_design/') ? ddocName : `_design/${ddocName}`,
    name: typeof name === 'string' ? name : generated,
    columns,
    partialFilter,
    source,
  };
}
