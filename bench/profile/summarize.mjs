// Summarise the profiles `npm run bench -- --cpu-prof … --alloc-prof …` wrote: self time (CPU
// profiles) or allocated bytes (sampling heap profiles, collected objects included) by function and
// by component (grpc-js, protobufjs, our shim's folders, contract-api, ajv, Node core, GC …).
//
//   node bench/profile/summarize.mjs [--top N] [--json results.json] <file.cpuprofile|file.heapprofile> …
//
// With --json (the bench's result file), shares are also given per transaction: a profile named
// `<impl>.<workload>.<batching>` covers the measured chunks of that cell at the highest in-flight
// level, so a function's share of the samples × the cell's chaincode CPU µs/tx ≈ its µs per
// transaction (the profile's idle samples are left out of the shares).
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';

function parseArgs(argv) {
  const files = [];
  let top = 25;
  let json;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--top') top = Number(argv[++i]);
    else if (argv[i] === '--json') json = argv[++i];
    else files.push(argv[i]);
  }
  return { files, top, json };
}

/** Which part of the stack a script URL belongs to. */
export function componentOf(url, functionName) {
  if (url === '') {
    if (functionName === '(garbage collector)') return 'GC';
    if (functionName === '(program)') return 'V8/native (program)';
    if (functionName === '(root)' || functionName === '(idle)') return functionName;
    return 'builtins (JSON, Buffer, …)';
  }
  const inPackage = (name) => url.includes(`/node_modules/${name}/`);
  let match;
  if ((match = /\/packages\/(shim|contract-api|dev-peer|cli)\/dist\/(?:([\w-]+)\/)?/.exec(url))) {
    if (match[1] === 'shim' && match[2] === 'generated') return 'protobuf codec (generated)';
    return `ours: ${match[1]}${match[2] !== undefined ? `/${match[2]}` : ''}`;
  }
  if (inPackage('@grpc/grpc-js')) return 'grpc-js';
  if (inPackage('protobufjs') || inPackage('@protobufjs/utf8') || url.includes('/@protobufjs/')) return 'protobufjs';
  if (inPackage('ajv')) return 'ajv';
  if (inPackage('reflect-metadata')) return 'reflect-metadata';
  if (inPackage('fabric-shim') || inPackage('fabric-contract-api') || inPackage('fabric-shim-api')) {
    return 'official fabric-*';
  }
  if (inPackage('class-transformer')) return 'class-transformer';
  if (inPackage('winston') || inPackage('logform') || inPackage('@fidm/x509') || inPackage('fast-safe-stringify')) {
    return 'official deps';
  }
  if (url.includes('/bench/')) return 'bench (workload, probe)';
  if ((match = /^node:internal\/(streams|http2|stream_base_commons|process\/task_queues|timers)/.exec(url))) {
    return `node: ${match[1]}`;
  }
  if (url.startsWith('node:')) return 'node: other';
  if (url.includes('/node_modules/')) return `dep: ${url.split('/node_modules/').pop().split('/')[0]}`;
  return 'other';
}

function frameKey({ functionName, url, lineNumber }) {
  const where = url === '' ? '' : ` ${url.replace(/^.*\/(node_modules|packages|bench)\//, '$1/')}:${lineNumber + 1}`;
  return `${functionName || '(anonymous)'}${where}`;
}

/** CPU profile → { total (samples, idle excluded), byFunction, byComponent } in sample counts. */
function cpuSummary(profile) {
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const counts = new Map();
  for (const id of profile.samples) counts.set(id, (counts.get(id) ?? 0) + 1);
  const byFunction = new Map();
  const byComponent = new Map();
  let total = 0;
  for (const [id, count] of counts) {
    const frame = nodes.get(id).callFrame;
    if (frame.functionName === '(idle)') continue;
    total += count;
    const key = frameKey(frame);
    byFunction.set(key, (byFunction.get(key) ?? 0) + count);
    const component = componentOf(frame.url, frame.functionName);
    byComponent.set(component, (byComponent.get(component) ?? 0) + count);
  }
  return { total, byFunction, byComponent, unit: 'samples' };
}

/** Sampling heap profile → the same shape, in bytes allocated. */
function allocSummary(profile) {
  const byFunction = new Map();
  const byComponent = new Map();
  let total = 0;
  const walk = (node) => {
    if (node.selfSize > 0) {
      total += node.selfSize;
      const key = frameKey(node.callFrame);
      byFunction.set(key, (byFunction.get(key) ?? 0) + node.selfSize);
      const component = componentOf(node.callFrame.url, node.callFrame.functionName);
      byComponent.set(component, (byComponent.get(component) ?? 0) + node.selfSize);
    }
    for (const child of node.children) walk(child);
  };
  walk(profile.head);
  return { total, byFunction, byComponent, unit: 'bytes' };
}

function cellFor(results, file) {
  if (results === undefined) return undefined;
  const [implementation, workload, batching] = basename(file).split('.');
  const highest = Math.max(...results.settings.inFlight);
  return results.cells?.find(
    (c) =>
      c.implementation === implementation &&
      c.workload === workload &&
      c.batching === batching &&
      c.inFlight === highest &&
      c.error === undefined,
  );
}

function printTop(title, map, total, top, perTx) {
  console.log(`  ${title}`);
  const rows = [...map.entries()].sort((a, b) => b[1] - a[1]).slice(0, top);
  for (const [key, value] of rows) {
    const share = (100 * value) / total;
    const tx = perTx === undefined ? '' : perTx(value).padStart(9);
    console.log(`    ${share.toFixed(1).padStart(5)}%${tx}  ${key}`);
  }
}

function main() {
  const { files, top, json } = parseArgs(process.argv.slice(2));
  if (files.length === 0) {
    console.error('usage: node bench/profile/summarize.mjs [--top N] [--json results.json] <profile> …');
    process.exitCode = 2;
    return;
  }
  const results = json === undefined ? undefined : JSON.parse(readFileSync(json, 'utf8'));
  for (const file of files) {
    const profile = JSON.parse(readFileSync(file, 'utf8'));
    const isCpu = file.endsWith('.cpuprofile');
    const summary = isCpu ? cpuSummary(profile) : allocSummary(profile);
    const cell = cellFor(results, file);
    let perTx;
    let header = `${basename(file)}: ${summary.total} ${summary.unit}`;
    if (cell !== undefined && isCpu) {
      perTx = (value) => `${((value / summary.total) * cell.cpuUsPerTx).toFixed(1)} µs`;
      header += ` (cell: ${cell.cpuUsPerTx.toFixed(1)} µs CPU/tx, ${cell.completed} tx)`;
    } else if (cell !== undefined) {
      // the heap profile covers the same measured chunks: bytes per transaction
      perTx = (value) => `${(value / cell.completed).toFixed(0)} B`;
      header += ` = ${(summary.total / cell.completed).toFixed(0)} B/tx over ${cell.completed} tx`;
    }
    console.log(`\n${header}`);
    printTop('by component', summary.byComponent, summary.total, top, perTx);
    printTop(`top ${top} functions (self)`, summary.byFunction, summary.total, top, perTx);
  }
}

main();
