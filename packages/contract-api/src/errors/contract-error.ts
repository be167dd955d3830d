import { Brands } from '../metadata/metadata-keys';
import { ContractApiError } from './contract-api-error';

export interface ContractErrorOptions {
  /** The Response status, 400..599; default 500. A 4xx is not endorsed, but the client sees it. */
  readonly status?: number;
  /** The Response payload (a string is sent as UTF-8). */
  readonly payload?: Uint8Array | string;
  /** A stable identifier for callers and logs. */
  readonly code?: string;
  readonly cause?: unknown;
}

/**
 * Throw this from a transaction to answer a structured error: the Response carries `status`,
 * `message` and `payload` exactly. Any other thrown value becomes status 500 with its message.
 */
export class ContractError extends Error {
  readonly status: number;
  readonly payload: Uint8Array | undefined;
  readonly code: string | undefined;

  constructor(message: string, options: ContractErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    const status = options.status ?? 500;
    if (!Number.isInteger(status) || status < 400 || status > 599) {
      throw new ContractApiError(
        'CC_API_INVALID_STATUS',
        `ContractError status must be an integer from 400 to 599, got ${String(status)}`,
      );
    }
    this.status = status;
    this.payload = typeof options.payload === 'string' ? new TextEncoder().encode(options.payload) : options.payload;
    this.code = options.code;
  }
}

Object.defineProperty(ContractError.prototype, Brands.contractError, { value: true });

/** True for a ContractError from any copy of this package. */
export function isContractError(value: unknown): value is ContractError {
  return typeof value === 'object' && value !== null && Brands.contractError in value;
}
