import { defineOwn } from '../metadata/metadata-store';
import { MetadataKeys } from '../metadata/metadata-keys';
import type { ClassDecoratorFn } from './object.decorator';

/**
 * Make this contract the default one: calls without a `contract:` prefix go to it. Marking two of
 * the contracts of one chaincode is an error when the chaincode is created.
 */
export function Default(): ClassDecoratorFn {
  return (target) => {
    defineOwn(MetadataKeys.isDefault, target, true);
  };
}
