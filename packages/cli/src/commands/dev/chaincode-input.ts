import { CliError } from '../../errors/cli-error';

/** A function name and its arguments, as the peer CLI's `-c` JSON gives them. */
export interface ChaincodeInput {
  readonly fcn: string;
  readonly args: readonly string[];
}

/**
 * The peer CLI's JSON forms of a chaincode call: `{"Args":["fn","a1"]}` and
 * `{"function":"fn","Args":["a1"]}` (keys in any case, as Go's JSON decoding matches them).
 * Every argument must be a string, as on the peer CLI.
 */
export function parseChaincodeInput(json: string): ChaincodeInput {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch (err) {
    throw new CliError(
      'CC_CLI_INVALID_ARGUMENT',
      `not JSON: ${err instanceof Error ? err.message : String(err)} (expected {"Args":["fn","arg"...]})`,
    );
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new CliError('CC_CLI_INVALID_ARGUMENT', 'expected a JSON object such as {"Args":["fn","arg"...]}');
  }
  const fields = new Map(Object.entries(value).map(([k, v]) => [k.toLowerCase(), v as unknown]));
  const list = fields.get('args');
  const fn = fields.get('function');
  if (!Array.isArray(list) || !list.every((a) => typeof a === 'string')) {
    throw new CliError('CC_CLI_INVALID_ARGUMENT', '"Args" must be an array of strings');
  }
  const args = list;
  if (fn !== undefined) {
    if (typeof fn !== 'string' || fn === '') {
      throw new CliError('CC_CLI_INVALID_ARGUMENT', '"function" must be a non-empty string');
    }
    return { fcn: fn, args };
  }
  const [first, ...rest] = args;
  if (first === undefined || first === '') {
    throw new CliError('CC_CLI_INVALID_ARGUMENT', '"Args" must start with the function name');
  }
  return { fcn: first, args: rest };
}
