#!/usr/bin/env node
// Spawn → REGISTER of `cc-start` and the number of modules it loads, against a minimal gRPC peer on
// 127.0.0.1 that answers REGISTERED and READY. Run after `npm run build`:
//   node scripts/measure-cc-start.mjs [--runs 10] [--bin packages/shim/bin/cc-start.js] [--module-path templates/javascript]
// Prints the median and range of spawn→REGISTER (ms) and the modules in require.cache at exit.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';

const require = createRequire(import.meta.url);
const root = resolve(import.meta.dirname, '..');
const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '10' },
    bin: { type: 'string', default: 'packages/shim/bin/cc-start.js' },
    'module-path': { type: 'string', default: 'templates/javascript' },
  },
});
const grpc = require('@grpc/grpc-js');
const { MessageType, chaincodeSupportService } = require('@chaincode/shim/internal');

const dir = mkdtempSync(join(tmpdir(), 'measure-cc-start-'));
const counter = join(dir, 'count-modules.cjs');
writeFileSync(
  counter,
  `process.on('exit', () => require('node:fs').writeFileSync(process.env.MEASURE_OUT, String(Object.keys(require.cache).length)));\n`,
);

let onRegister = () => undefined;
const server = new grpc.Server();
server.addService(chaincodeSupportService, {
  register: (call) => {
    call.on('data', (message) => {
      if (message.type !== MessageType.REGISTER) return;
      onRegister();
      call.write({ type: MessageType.REGISTERED });
      call.write({ type: MessageType.READY });
    });
    call.on('error', () => undefined);
  },
});
const port = await new Promise((ok, fail) =>
  server.bindAsync('127.0.0.1:0', grpc.ServerCredentials.createInsecure(), (e, p) => (e ? fail(e) : ok(p))),
);

async function once(i) {
  const out = join(dir, `count-${i}`);
  const registered = new Promise((ok) => (onRegister = () => ok(performance.now())));
  const started = performance.now();
  const child = spawn(
    process.execPath,
    ['-r', counter, resolve(root, values.bin), '--peer.address', `127.0.0.1:${port}`, '--chaincode-id-name', 'm'],
    {
      cwd: resolve(root, values['module-path']),
      env: { ...process.env, MEASURE_OUT: out, CORE_CHAINCODE_LOGGING_LEVEL: 'error' },
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
  const exited = new Promise((ok) => child.once('exit', ok));
  const timeout = setTimeout(() => child.kill('SIGKILL'), 15000);
  const at = await Promise.race([registered, exited.then(() => NaN)]);
  await new Promise((r) => setTimeout(r, 100));
  child.kill('SIGTERM');
  await exited;
  clearTimeout(timeout);
  return { ms: at - started, modules: Number(readFileSync(out, 'utf8')) };
}

const results = [];
try {
  await once('warmup');
  for (let i = 0; i < Number(values.runs); i++) results.push(await once(i));
} finally {
  server.forceShutdown();
  rmSync(dir, { recursive: true, force: true });
}
const ms = results.map((r) => r.ms).sort((a, b) => a - b);
const median = ms[Math.floor(ms.length / 2)];
console.log(
  `${values.bin}: spawn→REGISTER median ${median.toFixed(0)} ms (min ${ms[0].toFixed(0)}, max ${ms[ms.length - 1].toFixed(0)}, ${ms.length} runs); modules loaded ${results[0].modules}`,
);
