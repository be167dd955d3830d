import { MetadataKeys } from './metadata-keys';
import { getOwn } from './metadata-store';

/** True when the class itself is marked `@Default()`. */
export function isDefaultContract(cls: object): boolean {
  return getOwn<boolean>(MetadataKeys.isDefault, cls) === true;
}
