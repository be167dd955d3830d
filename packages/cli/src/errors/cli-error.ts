import { ChaincodeError, type ChaincodeErrorOptions } from '@chaincode/contract-api';
import type { CliErrorCode } from './codes';

/** A reason one of the CLI's commands stops, written for the person at the terminal. */
export class CliError extends ChaincodeError<Exclude<CliErrorCode, 'CC_CLI_USAGE'>> {}

/**
 * A command line that cannot run: unknown flag, missing argument, conflicting flags. The entry
 * prints its whole message (yargs' reasons span several lines) and exits with code 2.
 */
export class UsageError extends ChaincodeError<'CC_CLI_USAGE'> {
  constructor(message: string, options?: ChaincodeErrorOptions) {
    super('CC_CLI_USAGE', message, options);
  }
}
