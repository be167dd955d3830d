/**
 * Every metadata key the contract API records or reads, in one place. Keys are registered symbols
 * (`Symbol.for`), so two copies of this package in one process share them.
 */
export const MetadataKeys = {
  /** Per prototype: the ordered @Transaction/@Returns/@Param records of that class only. */
  methodRecords: Symbol.for('@chaincode/contract-api:method-records'),
  /** Per prototype: the ordered @Property records of that class only. */
  propertyRecords: Symbol.for('@chaincode/contract-api:property-records'),
  /** Per constructor: the @Object options of that class. */
  objectOptions: Symbol.for('@chaincode/contract-api:object'),
  /** Per constructor: the @Info of that class. */
  info: Symbol.for('@chaincode/contract-api:info'),
  /** Per constructor: true when the class is marked @Default. */
  isDefault: Symbol.for('@chaincode/contract-api:default'),
} as const;

/** The design-time types TypeScript emits with `emitDecoratorMetadata`. */
export const DesignKeys = {
  paramTypes: 'design:paramtypes',
  returnType: 'design:returntype',
  type: 'design:type',
} as const;

/**
 * Set (as a symbol key, so it never reaches the metadata JSON) on the schema of a parameter whose
 * design type is `Date`: the argument is validated as a date-time string and handed over as a Date.
 */
export const DATE_PARAMETER = Symbol.for('@chaincode/contract-api:date-parameter');

/** Brands that replace duck typing (`__isContract`): set on prototypes, checked with `in`. */
export const Brands = {
  contract: Symbol.for('@chaincode/contract-api:Contract'),
  context: Symbol.for('@chaincode/contract-api:Context'),
  contractError: Symbol.for('@chaincode/contract-api:ContractError'),
} as const;

/** Where the @Object registry lives on `globalThis` (shared by duplicate package copies). */
export const OBJECT_REGISTRY_KEY = Symbol.for('@chaincode/contract-api:object-registry');
