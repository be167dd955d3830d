import type { ErrorRegistry } from '@chaincode/contract-api/internal';

/**
 * Every code the `chaincode` command line throws at a user: what it means and what to do. The
 * error classes in this folder take their codes from here; `docs/errors.md` is rendered from it.
 */
export const cliErrorCodes = {
  CC_CLI_USAGE: {
    meaning: 'The command line cannot run: an unknown command or flag, a missing argument, conflicting flags.',
    action: 'Read the message, then `chaincode <command> --help` for the flags the command takes.',
  },
  CC_CLI_INVALID_ARGUMENT: {
    meaning: 'A value given to a command is not acceptable (a name, a version, a label, an address...).',
    action: 'Correct the value the message names.',
  },
  CC_CLI_FILE_ERROR: {
    meaning: 'A file or directory the command needs cannot be read or written, or is not what it should be.',
    action: 'Check the path the message names, its permissions and that it is a file or a directory as needed.',
  },
  CC_CLI_TARGET_EXISTS: {
    meaning: '`chaincode init` was pointed at a directory that is not empty, or at an existing file.',
    action: 'Choose a new directory name.',
  },
  CC_CLI_INVALID_METADATA: {
    meaning: 'A contract metadata file is not JSON or does not match the contract metadata schema.',
    action: 'Correct the file at the place the message names (`chaincode metadata generate` writes a valid one).',
  },
  CC_CLI_NO_DEV_SESSION: {
    meaning: '`chaincode invoke` / `query` found no running `chaincode dev` session for the project.',
    action: 'Start `chaincode dev` in the project (or `npm run dev`), or pass --url of a running session.',
  },
  CC_CLI_TRANSACTION_FAILED: {
    meaning: 'A transaction run by `chaincode invoke`, `query` or `dev --script` failed.',
    action: "Read the contract's message; run `chaincode dev --verbose` to see the contract's stack trace.",
  },
} as const satisfies ErrorRegistry;

export type CliErrorCode = keyof typeof cliErrorCodes;
