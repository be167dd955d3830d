export type * from './stub';
