// Preloaded (node -r) into every chaincode child: answers the bench's IPC request for this
// process's CPU time, so chaincode CPU is measured the same way for both stacks.
'use strict';
if (typeof process.send === 'function') {
  process.on('message', (message) => {
    if (message !== null && typeof message === 'object' && message.type === 'cpu') {
      process.send({ type: 'cpu', id: message.id, usage: process.cpuUsage(), rss: process.memoryUsage().rss });
    }
  });
  // the bench went away: do not linger
  process.on('disconnect', () => process.exit(0));
}
