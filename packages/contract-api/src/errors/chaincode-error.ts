/**
 * The one base of every error our packages throw at a user: a stable, documented `code`.
 *
 * Each package keeps a single registry (`src/errors/codes.ts`): code → what it means and what to
 * do. Codes carry the package prefix (`CC_API_`, `CC_SHIM_`, `CC_DEVPEER_`, `CC_CLI_`), are never
 * reused, and are listed in `docs/errors.md`, which a test keeps in step with the registries.
 */

/** What the registry says about one code. */
export interface ErrorCodeInfo {
  /** What went wrong, in one sentence. */
  readonly meaning: string;
  /** What the user can do about it. */
  readonly action: string;
}

/** A package's error registry: every code it may throw, with its meaning and action. */
export type ErrorRegistry<C extends string = string> = { readonly [K in C]: ErrorCodeInfo };

export interface ChaincodeErrorOptions {
  readonly cause?: unknown;
}

const BRAND = Symbol.for('@chaincode/error');

/** Base class of our errors; `code` is one of the codes in a package registry. */
export class ChaincodeError<C extends string = string> extends Error {
  readonly code: C;

  constructor(code: C, message: string, options?: ChaincodeErrorOptions) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.code = code;
  }
}

Object.defineProperty(ChaincodeError.prototype, BRAND, { value: true });

/** True for an error of ours, from any copy of our packages. */
export function isChaincodeError(value: unknown): value is ChaincodeError {
  return typeof value === 'object' && value !== null && BRAND in value;
}

/**
 * The message of any thrown value, for logs and wire texts: an Error's message (from any realm),
 * a string as is, anything else rendered as JSON where possible. The one helper for `catch (err)`.
 */
export function errorMessage(err: unknown): string {
  if (typeof err === 'object' && err !== null) {
    const message = (err as { message?: unknown }).message;
    if (typeof message === 'string') return message;
  }
  if (typeof err === 'string') return err;
  if (err === undefined || err === null) return String(err);
  if (typeof err === 'symbol') return err.toString();
  if (typeof err === 'function') return `[function ${err.name}]`;
  try {
    // JSON.stringify answers undefined for values JSON cannot represent (its typing says string)
    const json = JSON.stringify(err) as unknown;
    return typeof json === 'string' ? json : typeof err;
  } catch {
    return `[${typeof err}]`;
  }
}
