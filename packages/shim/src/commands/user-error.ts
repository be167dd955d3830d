import { isChaincodeError } from '@chaincode/contract-api';

/**
 * True for an error whose message is written for the person at the terminal: any error of ours
 * (a `ChaincodeError`, whatever the package). Entry points print its message alone; anything
 * else is unexpected and gets its stack.
 */
export function isCommandError(err: unknown): boolean {
  return isChaincodeError(err);
}
