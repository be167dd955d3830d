import { program, runProgram, type CommandIo } from './program';
import { startCommand } from './start-command';

/**
 * `cc-start`: `start` as a program of its own, what a chaincode's package.json names as its
 * "start" script so the peer's `npm start -- --peer.address <addr>` starts the contract. Unknown
 * flags are refused (a typo in a launch script is a usage error, not a silent default).
 */
export async function runCcStart(io: CommandIo): Promise<void> {
  await runProgram(program('cc-start').command(startCommand(io, '$0')).strict(), io);
}
