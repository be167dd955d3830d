/**
 * The entry of the process in which `chaincode dev` runs the contract: forked with an IPC channel,
 * it loads the module and registers it with the dev peer exactly as `cc-start` would, then reports
 * `ready` (with the metadata) or `failed` (with the reason and where the module failed). It ends
 * when the stream to the peer ends or the parent goes away (it closes its session and its IPC
 * channel, so nothing keeps it alive), and the parent kills it to restart it (a redeploy, a
 * cancelled transaction): each run is a fresh process, a fresh module cache, nothing left running.
 * The exit status is not how it reports: its messages are.
 */
import { configureLogging, startChaincode, type ChaincodeSession } from '@chaincode/shim';
import { loadChaincodeForCommand } from '@chaincode/shim/internal';
import { describeLoadLocation } from '../../errors/load-location';
import type { RunnerConfig, RunnerMessage } from './runner-protocol';

function send(message: RunnerMessage, then?: () => void): void {
  if (process.send === undefined) then?.();
  else process.send(message, undefined, {}, () => then?.());
}

/**
 * --verbose: the contract's own logs at every level and the shim's from info up, plus the one
 * debug line that matters at a prompt, a failed transaction with its stack.
 */
const verboseLogging = {
  level: 'debug',
  shimLevel: 'debug',
  sink: (line: string): void => {
    if (!line.includes(' DEBUG [shim:') || line.includes(' DEBUG [shim:dispatch] transaction failed')) {
      process.stderr.write(`${line}\n`);
    }
  },
} as const;

let session: ChaincodeSession | undefined;
let parentGone = false;

/** Let the process end: no IPC channel left to keep it alive. */
function leave(): void {
  if (process.connected) process.disconnect();
}

async function main(config: RunnerConfig): Promise<void> {
  configureLogging(config.verbose ? verboseLogging : { shimLevel: 'warning' });
  const chaincode = await loadChaincodeForCommand(config.modulePath);
  session = await startChaincode(chaincode, {
    peerAddress: config.peerAddress,
    chaincodeIdName: config.chaincodeIdName,
    localMspId: config.localMspId,
  });
  if (parentGone) {
    await session.close();
    return;
  }
  await session.ready; // REGISTERED and READY: the peer routes transactions to this process now
  send({ type: 'ready', metadata: chaincode.metadata });
  await session.closed;
}

// the parent went away (killed, crashed): nobody is left to serve, so close the stream
process.on('disconnect', () => {
  parentGone = true;
  void session?.close();
});
const config = JSON.parse(process.argv[2] ?? '{}') as RunnerConfig;
main(config).then(leave, (err: unknown) => {
  process.exitCode = 1;
  const message = err instanceof Error ? err.message : String(err);
  const stack = err instanceof Error ? err.stack : undefined;
  send({ type: 'failed', message, location: describeLoadLocation(err), stack }, leave);
});
