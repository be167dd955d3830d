/**
 * Options our decorators take beyond the official signatures. Every option maps onto a keyword of
 * JSON Schema's own vocabulary (and of Fabric's "deterministic" schema subset), so the metadata stays
 * readable by existing tools.
 */
export interface SchemaOptions {
  /** `type: "integer"` instead of `"number"` (numbers only). */
  readonly integer?: boolean;
  /** A JSON Schema format checked by ajv-formats, e.g. `date-time`, `email`, `uuid`. */
  readonly format?: string;
  readonly minimum?: number;
  readonly maximum?: number;
  /** A number, as in JSON Schema draft-06 and later. */
  readonly exclusiveMinimum?: number;
  readonly exclusiveMaximum?: number;
  readonly multipleOf?: number;
  readonly minLength?: number;
  readonly maxLength?: number;
  /** A regular expression (ECMA-262, unanchored as in JSON Schema). */
  readonly pattern?: string;
  readonly minItems?: number;
  readonly maxItems?: number;
  readonly uniqueItems?: boolean;
  readonly enum?: readonly (string | number | boolean | null)[];
  readonly title?: string;
  readonly description?: string;
  readonly example?: unknown;
}

/** Options of `@Param`. */
export interface ParamOptions extends SchemaOptions {
  /**
   * The caller may leave this argument out (trailing parameters only); the method then receives
   * `undefined`. Written as `required: false` on the parameter.
   */
  readonly optional?: boolean;
}

/** Options of `@Property`. */
export interface PropertyOptions extends SchemaOptions {
  /** The property name in JSON, when it differs from the field name. */
  readonly name?: string;
  /** A type string (`'string'`, `'Asset'`, `'number[]'`...), when the design type is not enough. */
  readonly type?: string;
  /** Listed in the object's `required` array: a JSON argument without it is rejected. */
  readonly required?: boolean;
}

/** Options of `@Object`. */
export interface ObjectOptions {
  /** The property telling subtypes apart (written as `discriminator: {propertyName}`, as the official). */
  readonly discriminator?: string;
  /** `false` rejects JSON arguments with properties the class does not declare. */
  readonly additionalProperties?: boolean;
}

/** `@Info` content: the `info` section of one contract. */
export interface ContractInfo {
  title?: string;
  version?: string;
  description?: string;
  termsOfService?: string;
  contact?: { name?: string; url?: string; email?: string };
  license?: { name: string; url?: string };
  [key: string]: unknown;
}
