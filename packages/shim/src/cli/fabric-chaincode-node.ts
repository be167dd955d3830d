#!/usr/bin/env node
/**
 * The `fabric-chaincode-node` bin. The only place that reads process.argv/env for it and decides the
 * exit code: 0 when a command finished or was stopped by SIGINT/SIGTERM, 1 with a one-line reason
 * otherwise (the stack too when CORE_CHAINCODE_LOGGING_LEVEL is DEBUG).
 */
import { reasonOf } from './command-error';
import { runFabricChaincodeNodeCli } from './fabric-chaincode-node-cli';

const controller = new AbortController();
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    controller.abort();
  });
}

runFabricChaincodeNodeCli({
  argv: process.argv.slice(2),
  env: process.env,
  cwd: process.cwd(),
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  signal: controller.signal,
}).then(
  () => {
    process.exitCode = 0;
  },
  (err: unknown) => {
    const debug = (process.env.CORE_CHAINCODE_LOGGING_LEVEL ?? '').toLowerCase() === 'debug';
    process.stderr.write(`fabric-chaincode-node: ${reasonOf(err)}\n`);
    if (debug && err instanceof Error && err.stack !== undefined) process.stderr.write(err.stack + '\n');
    process.exitCode = 1;
  },
);
