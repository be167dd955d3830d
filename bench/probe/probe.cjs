// Preloaded (node -r) into every chaincode process of the benchmark, whatever starts it (floor,
// cc-start, fabric-chaincode-node, a low-level main): answers the bench's IPC requests with this
// process's CPU time and memory, and records the startup marks that split spawn→REGISTER into
// Node's own boot (spawn → this file), loading the chaincode (this file → the first outgoing
// socket, which is the gRPC connection to the peer) and connecting (→ REGISTER at the peer).
// Measured the same way for every implementation, and cheap: nothing runs per transaction.
'use strict';
const diagnostics = require('node:diagnostics_channel');
const { performance } = require('node:perf_hooks');

const now = () => performance.timeOrigin + performance.now();
const marks = {
  /** epoch ms when this preload ran (Node has booted) */
  preloadAt: now(),
  /** epoch ms of the first outgoing TCP connection (the dial of the peer), and modules loaded by then */
  connectAt: undefined,
  modulesAtConnect: undefined,
};

function onSocket() {
  diagnostics.unsubscribe('net.client.socket', onSocket);
  marks.connectAt = now();
  marks.modulesAtConnect = Object.keys(require.cache).length;
}
diagnostics.subscribe('net.client.socket', onSocket);

if (typeof process.send === 'function') {
  process.on('message', (message) => {
    if (message === null || typeof message !== 'object' || message.type !== 'bench:stats') return;
    const memory = process.memoryUsage();
    process.send({
      type: 'bench:stats',
      id: message.id,
      cpu: process.cpuUsage(),
      rss: memory.rss,
      heapUsed: memory.heapUsed,
      // resourceUsage().maxRSS is in kilobytes
      maxRss: process.resourceUsage().maxRSS * 1024,
      modules: Object.keys(require.cache).length,
      marks,
    });
  });
  // The bench is done with this process (or went away): exit normally, so --cpu-prof is written.
  process.on('disconnect', () => process.exit(0));
}
