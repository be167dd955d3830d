// Preloaded (node -r) into every chaincode process of the benchmark, whatever starts it (floor,
// cc-start, fabric-chaincode-node, a low-level main): answers the bench's IPC requests with this
// process's CPU time and memory, and records the startup marks that split spawn→REGISTER into
// Node's own boot (spawn → this file), loading the chaincode (this file → the first outgoing
// socket, which is the gRPC connection to the peer) and connecting (→ REGISTER at the peer).
// Measured the same way for every implementation, and cheap: nothing runs per transaction.
'use strict';
const diagnostics = require('node:diagnostics_channel');
const { performance } = require('node:perf_hooks');

/**
 * Marks are in ms of the system-wide monotonic clock (process.hrtime), which the bench reads too:
 * performance.timeOrigin is wall-clock time and does not line up across processes here.
 */
const now = () => Number(process.hrtime.bigint()) / 1e6;
const marks = {
  /** when this preload ran (Node has booted) */
  preloadAt: now(),
  /** when the first outgoing TCP connection was opened (the dial of the peer), and modules loaded by then */
  connectAt: undefined,
  modulesAtConnect: undefined,
};

let modulesAtConnect = [];

// Channels are held weakly: this one is kept reachable from the IPC handler (see answer()), or it
// could be collected before the dial and the mark would never be taken.
const socketChannel = diagnostics.channel('net.client.socket');
function onSocket() {
  socketChannel.unsubscribe(onSocket);
  marks.connectAt = now();
  modulesAtConnect = Object.keys(require.cache);
  marks.modulesAtConnect = modulesAtConnect.length;
  loadMsAtConnect = Object.fromEntries(loadMs);
}
socketChannel.subscribe(onSocket);

// Time spent loading each CommonJS module (reading, compiling and running its body, minus the
// modules it requires in turn), summed by package, up to the dial: where the load phase goes.
const Module = require('node:module');
const loadMs = new Map();
let loadMsAtConnect = {};
const loadJs = Module._extensions['.js'];
const nested = [];
Module._extensions['.js'] = function timedLoad(module, filename) {
  const started = performance.now();
  nested.push(0);
  try {
    return loadJs.call(this, module, filename);
  } finally {
    const inner = nested.pop();
    const total = performance.now() - started;
    if (nested.length > 0) nested[nested.length - 1] += total;
    const name = packageOf(filename);
    loadMs.set(name, (loadMs.get(name) ?? 0) + total - inner);
  }
};

/** The package a module file belongs to: `yargs`, `@grpc/grpc-js`, `@chaincode/shim` or `(app)`. */
function packageOf(path) {
  const normal = path.replaceAll('\\', '/');
  const at = normal.lastIndexOf('/node_modules/');
  if (at >= 0) {
    const [scope, name] = normal.slice(at + '/node_modules/'.length).split('/');
    return scope.startsWith('@') ? `${scope}/${name}` : scope;
  }
  const ours = /\/packages\/([^/]+)\//.exec(normal);
  return ours ? `@chaincode/${ours[1]}` : '(app)';
}

/** The modules loaded before the dial, counted by package. */
function modulesByPackage() {
  const counts = {};
  for (const path of modulesAtConnect) counts[packageOf(path)] = (counts[packageOf(path)] ?? 0) + 1;
  return counts;
}

/**
 * Profiling on request (the bench's --cpu-prof / --alloc-prof): the V8 CPU profiler and the sampling
 * heap profiler (counting objects already collected, so it shows what is allocated, not what
 * survives) through an in-process inspector session, started and stopped around the measured
 * chunks so that startup and warm-up stay out of the profile. Loaded only when asked for.
 */
let session;
function post(method, params) {
  let result;
  session.post(method, params, (err, value) => {
    if (err) throw err;
    result = value;
  });
  return result; // the in-thread session answers synchronously
}

function startProfiling({ cpu, alloc, cpuIntervalUs }) {
  if (session === undefined) {
    const inspector = require('node:inspector');
    session = new inspector.Session();
    session.connect();
  }
  if (cpu) {
    post('Profiler.enable');
    post('Profiler.setSamplingInterval', { interval: cpuIntervalUs });
    post('Profiler.start');
  }
  if (alloc) {
    post('HeapProfiler.enable');
    post('HeapProfiler.startSampling', {
      samplingInterval: 4096,
      includeObjectsCollectedByMajorGC: true,
      includeObjectsCollectedByMinorGC: true,
    });
  }
}

function stopProfiling({ cpuPath, allocPath }) {
  const { writeFileSync } = require('node:fs');
  const written = [];
  if (cpuPath) {
    writeFileSync(cpuPath, JSON.stringify(post('Profiler.stop').profile));
    written.push(cpuPath);
  }
  if (allocPath) {
    writeFileSync(allocPath, JSON.stringify(post('HeapProfiler.stopSampling').profile));
    written.push(allocPath);
  }
  return written;
}

/**
 * Peak RSS of this process in bytes: VmHWM from /proc (the high-water mark of this program's memory
 * map). Not resourceUsage().maxRSS: on Linux that survives exec, so a child started by a large parent
 * reports at least the parent's peak at fork time.
 */
function peakRss() {
  try {
    const match = /^VmHWM:\s+(\d+) kB/m.exec(require('node:fs').readFileSync('/proc/self/status', 'utf8'));
    if (match) return Number(match[1]) * 1024;
  } catch {
    // not Linux: fall back below
  }
  return process.resourceUsage().maxRSS * 1024;
}

function answer(message) {
  switch (message.type) {
    case 'bench:profile-start':
      startProfiling(message);
      return {};
    case 'bench:profile-stop':
      return { written: stopProfiling(message) };
    default:
      break;
  }
  const memory = process.memoryUsage();
  return {
    cpu: process.cpuUsage(),
    rss: memory.rss,
    heapUsed: memory.heapUsed,
    maxRss: peakRss(),
    modules: Object.keys(require.cache).length,
    marks,
    watchingConnect: socketChannel.hasSubscribers,
    ...(message.type === 'bench:modules'
      ? { modulesByPackage: modulesByPackage(), loadMsByPackage: loadMsAtConnect }
      : {}),
  };
}

if (typeof process.send === 'function') {
  process.on('message', (message) => {
    if (message === null || typeof message !== 'object' || typeof message.type !== 'string') return;
    if (!message.type.startsWith('bench:')) return;
    let reply;
    try {
      reply = answer(message);
    } catch (err) {
      reply = { error: String(err?.message ?? err) };
    }
    process.send({ ...reply, type: message.type, id: message.id });
  });
  // The bench is done with this process (or went away): exit normally, so --cpu-prof is written.
  process.on('disconnect', () => process.exit(0));
}
