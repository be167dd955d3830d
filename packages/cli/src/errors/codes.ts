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
  CC_CLI_NOT_A_CLONE: {
    meaning: '`chaincode init --from-clone` runs only from a clone of the chaincode repository.',
    action: 'Run it from the clone (`npm run new -- <dir>`), or leave out --from-clone to use the published packages.',
  },
  CC_CLI_BUILD_FAILED: {
    meaning:
      "A build the command runs first failed: the project's `npm run build` (chaincode dev), or building and packing the clone's packages (init --from-clone).",
    action: 'Read the build errors printed with it, fix them, then run the command again.',
  },
  CC_CLI_INVALID_METADATA: {
    meaning:
      'A contract metadata file is not JSON or does not match the contract metadata schema, or a parameter schema of the contract cannot be compiled (chaincode package).',
    action:
      'Correct the file, or the decorator, at the place the message names (`chaincode metadata generate` writes a valid file).',
  },
  CC_CLI_DEPENDENCY_OUTSIDE: {
    meaning: "A `file:` or `link:` dependency points outside the project, so a peer's `npm install` cannot resolve it.",
    action:
      'Package with `--bundle` (dependencies vendored into the package), or move the dependency inside the project.',
  },
  CC_CLI_BUNDLE_FAILED: {
    meaning: "`chaincode package --bundle` could not collect the project's production dependencies.",
    action: 'Run `npm install` in the project so node_modules holds every dependency, then package again.',
  },
  CC_CLI_PACKAGE_EXISTS: {
    meaning: 'A different chaincode package with the same label is already at the output path.',
    action: 'Raise the version (or --label), choose another --output, or pass --force to replace it.',
  },
  CC_CLI_NO_DEV_SESSION: {
    meaning: '`chaincode invoke` / `query` found no running `chaincode dev` session for the project.',
    action:
      'Start `chaincode dev` in the project (`npm run dev`), or run the command from the folder of the running session.',
  },
  CC_CLI_DEV_REFUSED: {
    meaning: 'The running `chaincode dev` session refused the request (wrong secret, or a malformed request).',
    action: 'Run the command from the project folder of the session, so it reads the session file.',
  },
  CC_CLI_TRANSACTION_FAILED: {
    meaning: 'A transaction run by `chaincode invoke`, `query` or `dev --script` failed.',
    action: "Read the contract's message; run `chaincode dev --verbose` to see the contract's stack trace.",
  },
  CC_CLI_CHAINCODE_EXITED: {
    meaning: 'The chaincode process that `chaincode dev` runs exited before it registered with the dev peer.',
    action: 'Read the reason printed above it (a syntax error, a missing build...), fix it and start again.',
  },
} as const satisfies ErrorRegistry;

export type CliErrorCode = keyof typeof cliErrorCodes;
