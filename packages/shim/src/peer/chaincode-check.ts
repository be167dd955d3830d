import type { ChaincodeInterface } from '@chaincode/contract-api';
import { InvalidArgumentError, InvalidOptionsError } from '../errors/shim-error';
import { parseHostPort } from './address';
import type { BackoffOptions } from './backoff';

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

type PositiveOption =
  'maxConcurrentTransactions' | 'transactionSlotTimeoutMs' | 'requestTimeoutMs' | 'connectTimeoutMs';

/** The optional limits and timeouts of both modes: positive integers when given. */
export function checkLimits(options: Partial<Record<PositiveOption, number>>): void {
  const names: PositiveOption[] = [
    'maxConcurrentTransactions',
    'transactionSlotTimeoutMs',
    'requestTimeoutMs',
    'connectTimeoutMs',
  ];
  for (const name of names) {
    const value = options[name];
    if (value !== undefined && (!Number.isInteger(value) || value <= 0)) {
      throw new InvalidOptionsError(`${name} must be a positive integer, got ${String(value)}`);
    }
  }
}

/** `autoWriteBatch`, when given, is a boolean (a string such as 'true' would otherwise be silently ignored). */
export function checkAutoWriteBatch(options: { autoWriteBatch?: unknown }): void {
  const value = options.autoWriteBatch;
  if (value === undefined || typeof value === 'boolean') return;
  const shown = typeof value === 'string' ? JSON.stringify(value) : typeof value;
  throw new InvalidOptionsError(`autoWriteBatch must be true or false, got ${shown}`);
}

/** Client mode's reconnect options: -1, 0 or a positive integer; backoff delays positive. */
export function checkReconnect(options: { reconnectTimeoutMs?: number; backoff?: BackoffOptions }): void {
  const reconnect = options.reconnectTimeoutMs;
  if (reconnect !== undefined && (!Number.isInteger(reconnect) || reconnect < -1)) {
    throw new InvalidOptionsError(
      `reconnectTimeoutMs must be -1 (forever), 0 (never) or a positive integer, got ${String(reconnect)}`,
    );
  }
  for (const name of ['initialDelayMs', 'maxDelayMs'] as const) {
    const value = options.backoff?.[name];
    if (value !== undefined && (!Number.isInteger(value) || value <= 0)) {
      throw new InvalidOptionsError(`backoff.${name} must be a positive integer, got ${String(value)}`);
    }
  }
}

/** A `host:port` option, checked before any dial or bind; `name` is how the message names it. */
export function checkAddress(name: string, address: unknown, allowAnyPort = false): string {
  if (typeof address !== 'string' || address === '') throw new InvalidOptionsError(`${name} is required`);
  const parsed = parseHostPort(address, allowAnyPort);
  if ('problem' in parsed) throw new InvalidOptionsError(`${name} must be host:port: ${parsed.problem}`);
  return address;
}
