import { JSONSerializer, type FullSchema, type SchemaObject } from '@chaincode/contract-api';
import { InvalidOptionsError } from '../errors/shim-error';

/** A serializer class, or a module name whose export is one. */
export type SerializerSource = (new () => TransactionSerializer) | string;

/** The official `serializers` export: which serializer transactions use, and the available ones. */
export interface SerializersConfig {
  transaction: string;
  serializers?: Record<string, SerializerSource>;
}

/** What a transaction serializer must do (fabric-contract-api's contract). */
export interface TransactionSerializer {
  toBuffer(result: unknown, schema?: SchemaObject, loggerPrefix?: string): Uint8Array | undefined;
  fromBuffer(
    data: Uint8Array,
    fullschema: FullSchema,
    loggerPrefix?: string,
  ): { value: unknown; validateData?: unknown; jsonForValidation?: unknown };
}

export const DEFAULT_SERIALIZER_NAME = 'jsonSerializer';

/**
 * Instantiate the serializer transactions use. Without a configuration, our JSONSerializer (with
 * sorted-key JSON when `deterministic`). `load` resolves a serializer given as a module name.
 */
export function resolveTransactionSerializer(
  config: SerializersConfig | undefined,
  deterministic: boolean,
  load: (moduleName: string) => unknown,
): TransactionSerializer {
  if (config === undefined) return new JSONSerializer({ deterministic });
  if (typeof config.transaction !== 'string' || config.transaction === '') {
    throw new InvalidOptionsError(
      "There should be a 'transaction' property to define the serializer for use with transactions",
    );
  }
  const available: Record<string, SerializerSource> = { ...(config.serializers ?? {}) };
  available[DEFAULT_SERIALIZER_NAME] ??= JSONSerializer;
  if (!Object.hasOwn(available, config.transaction)) {
    throw new InvalidOptionsError(
      `The transaction serializer ${config.transaction} is not among the serializers given`,
    );
  }
  let source: unknown = available[config.transaction];
  if (typeof source === 'string') source = load(source);
  if (
    typeof source === 'object' &&
    source !== null &&
    typeof (source as { default?: unknown }).default === 'function'
  ) {
    source = (source as { default: unknown }).default;
  }
  if (typeof source !== 'function') {
    throw new InvalidOptionsError(`The serializer ${config.transaction} is not a class`);
  }
  if (source === JSONSerializer) return new JSONSerializer({ deterministic });
  return new (source as new () => TransactionSerializer)();
}
