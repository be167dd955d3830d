import { Parser } from 'yargs/helpers';
import { InvalidOptionsError } from '../errors/shim-error';

/** What the options module reads: the command-line arguments and an environment. */
export interface OptionsInput {
  readonly argv: readonly string[];
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Default for --module-path; process.cwd() when omitted. */
  readonly cwd?: string;
}

/** This process's arguments (after node and the script) and environment, as `Shim.start()` reads them. */
export function processOptionsInput(): OptionsInput {
  return { argv: process.argv.slice(2), env: process.env };
}

/** The environment variable of an option, as yargs `.env('CORE')` names it: CORE_<UPPER_SNAKE>. */
export function envName(option: string): string {
  return 'CORE_' + option.toUpperCase().replace(/[.-]/g, '_');
}

/** "--peer.address (or CORE_PEER_ADDRESS)": how errors name an option. */
export function describeOption(option: string): string {
  return `--${option} (or ${envName(option)})`;
}

/**
 * One place that answers "what value does this option have": the last occurrence on the command
 * line first, then its CORE_ variable, else undefined.
 */
export class OptionSource {
  readonly #args: Readonly<Record<string, unknown>>;
  readonly #env: Readonly<Record<string, string | undefined>>;

  constructor(input: OptionsInput) {
    this.#args = Parser(input.argv.slice(), {
      configuration: {
        'dot-notation': false,
        'parse-numbers': false,
        'parse-positional-numbers': false,
        'camel-case-expansion': false,
        'boolean-negation': false,
      },
    });
    this.#env = input.env;
  }

  /** A raw command-line value (a repeated flag gives its last value). */
  arg(name: string): string | undefined {
    const value = this.#args[name];
    const last = Array.isArray(value) ? (value as unknown[])[value.length - 1] : value;
    if (last === undefined || last === null) return undefined;
    if (typeof last === 'boolean') {
      throw new InvalidOptionsError(`--${name} needs a value`);
    }
    if (typeof last === 'string') return last;
    if (typeof last === 'number') return String(last);
    throw new InvalidOptionsError(`--${name} has an unexpected value`);
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

  /** An integer option (grpc sizes and timings). */
  integer(option: string): number | undefined {
    const raw = this.string(option);
    if (raw === undefined) return undefined;
    const value = Number(raw.trim());
    if (raw.trim() === '' || !Number.isInteger(value)) {
      throw new InvalidOptionsError(`${describeOption(option)} must be an integer, got ${JSON.stringify(raw)}`);
    }
    return value;
  }
}
