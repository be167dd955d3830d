/**
 * The contract metadata document, in Fabric's "Contract Definition JSON Schema" (shipped as
 * `schema/contract-schema.json`): what `org.hyperledger.fabric:GetMetadata` answers.
 */

/** A JSON Schema in Fabric's deterministic subset. */
export interface SchemaObject {
  $ref?: string;
  type?: string;
  format?: string;
  items?: SchemaObject;
  properties?: Record<string, SchemaObject>;
  additionalProperties?: SchemaObject | boolean;
  required?: string[];
  allOf?: SchemaObject[];
  enum?: unknown[];
  [keyword: string]: unknown;
}

export interface ParameterMetadata {
  name: string;
  description?: string;
  required?: boolean;
  schema: SchemaObject;
}

export interface TransactionMetadata {
  name: string;
  /** `['SUBMIT', 'submitTx']` or `['EVALUATE']`. */
  tag?: string[];
  parameters?: ParameterMetadata[];
  returns?: SchemaObject;
  [key: string]: unknown;
}

export interface InfoMetadata {
  title?: string;
  version?: string;
  [key: string]: unknown;
}

export interface ContractMetadata {
  name: string;
  /** Not in the schema; the official writes the contract instance's own fields here. */
  contractInstance?: Record<string, unknown>;
  transactions: TransactionMetadata[];
  info?: InfoMetadata;
  [key: string]: unknown;
}

/** A complex type (`@Object` class). */
export interface ObjectTypeMetadata {
  $id: string;
  type?: 'object';
  properties?: Record<string, SchemaObject>;
  required?: string[];
  allOf?: SchemaObject[];
  discriminator?: { propertyName: string };
  additionalProperties?: boolean;
  [keyword: string]: unknown;
}

export interface ContractMetadataJson {
  $schema?: string;
  info?: InfoMetadata;
  contracts: Record<string, ContractMetadata>;
  components?: { schemas?: Record<string, ObjectTypeMetadata>; [key: string]: unknown };
  [key: string]: unknown;
}

/** The `$schema` written into generated metadata (as the official writes it). */
export const CONTRACT_SCHEMA_URI = 'https://hyperledger.github.io/fabric-chaincode-node/main/api/contract-schema.json';

/** The name of the system contract that answers GetMetadata. */
export const SYSTEM_CONTRACT_NAME = 'org.hyperledger.fabric';

/** Where `$ref`s to complex types point. */
export const COMPONENT_REF_PREFIX = '#/components/schemas/';
