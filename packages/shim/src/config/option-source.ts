import { InvalidOptionsError } from '../errors/shim-error';
import { envName } from './command-flags';

/** A command's flags as yargs parsed them: flag name → value (a repeated flag gives an array). */
export type ParsedArgs = Readonly<Record<string, unknown>>;

/** What the options module reads: the parsed flags and an environment. */
export interface OptionsInput {
  readonly args: ParsedArgs;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Default for --module-path; process.cwd() when omitted. */
  readonly cwd?: string;
}

/** "--peer.address (or CORE_PEER_ADDRESS)": how errors name an option. */
export function describeOption(option: string): string {
  return `--${option} (or ${envName(option)})`;
}

/**
 * One place that answers "what value does this option have": the flag (its last occurrence)
 * first, then its CORE_ variable, else undefined.
 */
export class OptionSource {
  readonly #args: ParsedArgs;
  readonly #env: Readonly<Record<string, string | undefined>>;

  constructor(input: OptionsInput) {
    this.#args = input.args;
    this.#env = input.env;
  }

  /** A command-line value (a repeated flag gives its last value). */
  arg(name: string): string | undefined {
    const raw = this.#args[name];
    const last: unknown = Array.isArray(raw) ? (raw as unknown[])[raw.length - 1] : raw;
    if (last === undefined || last === null) return undefined;
    if (typeof last === 'string') return last;
    if (typeof last === 'number') return String(last);
    throw new InvalidOptionsError(`--${name} needs a value`);
  }

  /** An environment variable; an empty value counts as unset. */
  envValue(name: string): string | undefined {
    const value = this.#env[name];
    return value === undefined || value === '' ? undefined : value;
  }

  /** The option's value from the command line, else from CORE_<OPTION>. */
  string(option: string): string | undefined {
    return this.arg(option) ?? this.envValue(envName(option));
  }

  required(option: string): string {
    const value = this.string(option);
    if (value === undefined || value === '') {
      throw new InvalidOptionsError(`${describeOption(option)} is required`);
    }
    return value;
  }

  /** An integer option, at least `min` when given. */
  integer(option: string, min = Number.MIN_SAFE_INTEGER): number | undefined {
    const raw = this.string(option);
    if (raw === undefined) return undefined;
    const text = raw.trim();
    const value = Number(text);
    if (text === '' || !Number.isSafeInteger(value)) {
      throw new InvalidOptionsError(`${describeOption(option)} must be an integer, got ${JSON.stringify(raw)}`);
    }
    if (value < min) {
      throw new InvalidOptionsError(`${describeOption(option)} must be at least ${min}, got ${value}`);
    }
    return value;
  }
}
