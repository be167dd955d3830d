import type { ChaincodeInterface } from '@chaincode/contract-api';
import { InvalidArgumentError, InvalidOptionsError } from '../errors/shim-error';

/** The chaincode object must have Init and Invoke methods (fabric-shim's check, with a typed error). */
export function checkChaincode(chaincode: unknown): asserts chaincode is ChaincodeInterface {
  if (typeof chaincode !== 'object' || chaincode === null) {
    throw new InvalidArgumentError('Missing required argument: chaincode');
  }
  const candidate = chaincode as Partial<Record<'Init' | 'Invoke', unknown>>;
  if (typeof candidate.Init !== 'function') {
    throw new InvalidArgumentError('The "chaincode" argument must implement the "Init()" method');
  }
  if (typeof candidate.Invoke !== 'function') {
    throw new InvalidArgumentError('The "chaincode" argument must implement the "Invoke()" method');
  }
}

/** The optional limits of both modes: positive integers when given. */
export function checkLimits(options: { maxConcurrentTransactions?: number; transactionSlotTimeoutMs?: number }): void {
  for (const name of ['maxConcurrentTransactions', 'transactionSlotTimeoutMs'] as const) {
    const value = options[name];
    if (value !== undefined && (!Number.isInteger(value) || value <= 0)) {
      throw new InvalidOptionsError(`${name} must be a positive integer, got ${String(value)}`);
    }
  }
}
