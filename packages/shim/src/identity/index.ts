export { ClientIdentity, type CreatorSource } from './client-identity';
export { LazyClientIdentity } from './lazy-client-identity';
