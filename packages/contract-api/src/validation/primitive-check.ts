import type { SchemaObject } from '../metadata/contract-metadata';

/** Checks one value; answers undefined when valid, else the reasons as one line. */
export type ValueCheck = (value: unknown) => string | undefined;

/** Keys that annotate a schema without changing what it accepts. */
const ANNOTATIONS: ReadonlySet<string> = new Set(['description', 'title', '$comment']);

/**
 * The checks of the four primitive types, with ajv's answers for our options (`strictNumbers`: a
 * number is finite; an integer is a finite number without a fraction). schema-compiler.test.ts runs
 * them next to ajv on the same values.
 */
const PRIMITIVES: Readonly<Record<string, ValueCheck>> = {
  string: (value) => (typeof value === 'string' ? undefined : 'must be string'),
  number: (value) => (typeof value === 'number' && Number.isFinite(value) ? undefined : 'must be number'),
  integer: (value) => (Number.isInteger(value) ? undefined : 'must be integer'),
  boolean: (value) => (typeof value === 'boolean' ? undefined : 'must be boolean'),
};

/**
 * The check of a schema that is only a primitive type (`{ type: 'string' }`, with annotations at
 * most), which is most parameters of most contracts: answered without ajv, so a chaincode whose
 * parameters are all primitives never loads it (~60 modules, ~10 MB resident). Anything else,
 * undefined: ajv compiles it.
 */
export function primitiveCheck(schema: SchemaObject): ValueCheck | undefined {
  const { type } = schema as { type?: unknown };
  if (typeof type !== 'string' || !Object.hasOwn(PRIMITIVES, type)) return undefined;
  for (const key of Object.keys(schema)) {
    if (key !== 'type' && !ANNOTATIONS.has(key)) return undefined;
  }
  return PRIMITIVES[type];
}
