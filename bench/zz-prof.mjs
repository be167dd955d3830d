import { fork } from 'node:child_process';
import { createRequire } from 'node:module';
import { Session } from 'node:inspector/promises';
const require = createRequire(import.meta.url);
const { DevPeer } = require('@chaincode/dev-peer');
const peer = await DevPeer.start({ host: '127.0.0.1', port: 0 });
const session = new Session(); session.connect();
await session.post('Profiler.enable');
const procs = [];
for (const [name, script] of [['ours', '/tmp/review/ours.js'], ['official', '/tmp/review/official.js']]) {
  const p = fork(script, ['--peer.address', peer.address, '--chaincode-id-name', name], { stdio: 'ignore', env: { ...process.env, CORE_CHAINCODE_LOGGING_SHIM: 'warning', CORE_CHAINCODE_LOGGING_LEVEL: 'warning' } });
  procs.push(p);
  await peer.waitForChaincode(name, { timeoutMs: 20000 });
}
async function drive(name, n) {
  let issued = 0;
  await Promise.all(Array.from({ length: 64 }, async () => { while (issued++ < n) await peer.submit(name, ['noop']); }));
}
for (const name of ['ours', 'official']) await drive(name, 3000);
const order = (process.env.ORDER ?? 'ours,official,ours,official').split(',');
const agg = {};
for (const name of order) {
  await session.post('Profiler.start');
  const c0 = process.cpuUsage();
  await drive(name, 5000);
  const c = process.cpuUsage(c0);
  const { profile } = await session.post('Profiler.stop');
  const self = new Map();
  const dt = profile.timeDeltas; const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  profile.samples.forEach((id, i) => { const n = byId.get(id); const k = `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').slice(-2).join('/')}:${n.callFrame.lineNumber}`; self.set(k, (self.get(k) ?? 0) + (dt[i] ?? 0)); });
  agg[name] ??= { cpu: 0, self: new Map() };
  agg[name].cpu += (c.user + c.system) / 5000;
  for (const [k, v] of self) agg[name].self.set(k, (agg[name].self.get(k) ?? 0) + v);
  console.log(name, 'peer cpu µs/tx', ((c.user + c.system) / 5000).toFixed(0));
}
const keys = new Set([...agg.ours.self.keys(), ...agg.official.self.keys()]);
const diff = [...keys].map((k) => [k, ((agg.ours.self.get(k) ?? 0) - (agg.official.self.get(k) ?? 0)) / 10000, (agg.ours.self.get(k) ?? 0) / 10000, (agg.official.self.get(k) ?? 0) / 10000]).sort((a, b) => Math.abs(b[1]) - Math.abs(a[1]));
console.log('function | ours-official µs/tx | ours | official');
for (const [k, d, o, f] of diff.slice(0, 25)) console.log(d.toFixed(2).padStart(7), o.toFixed(2).padStart(7), f.toFixed(2).padStart(7), k);
for (const p of procs) p.kill();
await peer.stop();
process.exit(0);
