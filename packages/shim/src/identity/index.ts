export { ClientIdentity, type CreatorSource } from './client-identity';
