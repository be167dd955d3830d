export { Contract, isContractClass, CONTRACT_METHOD_NAMES, type ContractClass } from './contract';
export { Context, isContext, isContextClass } from './context';
export type { ContractLogger, ContractLogging } from './contract-logging';
