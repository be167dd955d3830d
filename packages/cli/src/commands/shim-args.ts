import { argsAfterCommand } from '@chaincode/shim';

/**
 * The raw arguments of a shim command (`start`, `server`) as the shim's options module expects
 * them: what follows the command name, without the CLI's own `--verbose`.
 */
export function shimCommandArgs(argv: readonly string[], command: string): string[] {
  return argsAfterCommand(argv, command).filter((a) => a !== '--verbose' && a !== '--no-verbose');
}
