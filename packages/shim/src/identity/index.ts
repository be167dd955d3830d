import type { ClientIdentity as ClientIdentityApi } from '@chaincode/contract-api';
import { ClientIdentity as ClientIdentityClass } from './client-identity';

export type { CreatorSource } from './client-identity';
export { LazyClientIdentity } from './lazy-client-identity';

/**
 * `ClientIdentity` as users name it: as a type, the interface that `ctx.clientIdentity` also has;
 * as a value, the class (`new ClientIdentity(ctx.stub)`).
 */
export type ClientIdentity = ClientIdentityApi;
export const ClientIdentity = ClientIdentityClass;
