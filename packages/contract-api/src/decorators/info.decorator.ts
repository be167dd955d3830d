import { defineOwn } from '../metadata/metadata-store';
import { MetadataKeys } from '../metadata/metadata-keys';
import type { ContractInfo } from '../metadata/decorator-options';
import type { ClassDecoratorFn } from './object.decorator';

/** The `info` section of this contract's metadata (title, version, description, contact, license...). */
export function Info(info: ContractInfo = {}): ClassDecoratorFn {
  const copy = { ...info };
  return (target) => {
    defineOwn(MetadataKeys.info, target, copy);
  };
}
