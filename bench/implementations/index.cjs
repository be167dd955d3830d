// The implementations the benchmark compares, each started in its own process the way a peer (or a
// user) starts it. `command(peerAddress, name)` gives the Node script and its arguments; the bench
// runs it with the probe preloaded (`node -r probe.cjs <script> <args>`).
'use strict';
const { dirname, join } = require('node:path');
const { readFileSync } = require('node:fs');

const here = __dirname;

/**
 * The script of a package's bin, read from its package.json. `cc-start` moves from @chaincode/cli
 * into @chaincode/shim (the runtime ships it); whichever package declares it is used.
 */
function binScript(bin, packages) {
  for (const name of packages) {
    let manifestPath;
    try {
      manifestPath = require.resolve(`${name}/package.json`);
    } catch {
      continue;
    }
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
    const script = typeof manifest.bin === 'object' ? manifest.bin[bin] : undefined;
    if (script !== undefined) return join(dirname(manifestPath), script);
  }
  throw new Error(`no package among ${packages.join(', ')} declares the ${bin} bin`);
}

const peerFlags = (peerAddress, name) => ['--peer.address', peerAddress, '--chaincode-id-name', name];

/** id → { label, family, official, command(peerAddress, name) → { script, args, env? } } */
const IMPLEMENTATIONS = {
  floor: {
    label: 'floor (raw grpc-js)',
    family: 'floor',
    command: (peerAddress, name) => ({ script: join(here, 'floor.cjs'), args: peerFlags(peerAddress, name) }),
  },
  'ours-contract': {
    label: 'ours, contract (cc-start)',
    family: 'contract',
    command: (peerAddress, name) => ({
      script: binScript('cc-start', ['@chaincode/shim', '@chaincode/cli']),
      args: ['--module-path', join(here, 'ours-contract'), ...peerFlags(peerAddress, name)],
    }),
  },
  'ours-lowlevel': {
    label: 'ours, low-level (start)',
    family: 'lowlevel',
    command: (peerAddress, name) => ({ script: join(here, 'ours-lowlevel.cjs'), args: peerFlags(peerAddress, name) }),
  },
  // Write batching is an explicit opt-in (as with the official stacks, each write is otherwise answered at
  // its own await): the same contract with every transaction batched, as `static autoWriteBatch = true`
  // on the class or this flag (CORE_AUTO_WRITE_BATCH) gives it. Only write10 with batching advertised
  // differs from 'ours-contract'.
  'ours-contract-batching': {
    label: 'ours, contract, auto-batching',
    family: 'contract',
    command: (peerAddress, name) => {
      const plain = IMPLEMENTATIONS['ours-contract'].command(peerAddress, name);
      return { ...plain, args: [...plain.args, '--auto-write-batch', 'true'] };
    },
  },
  'official-contract': {
    label: 'official, contract 2.5.8',
    family: 'contract',
    official: true,
    command: (peerAddress, name) => ({
      script: require.resolve('fabric-shim/cli.js'),
      args: ['start', '--module-path', join(here, 'official-contract'), ...peerFlags(peerAddress, name)],
    }),
  },
  'official-lowlevel': {
    label: 'official, low-level 2.5.8',
    family: 'lowlevel',
    official: true,
    command: (peerAddress, name) => ({
      script: join(here, 'official-lowlevel.cjs'),
      args: peerFlags(peerAddress, name),
    }),
  },
};

/** The official implementation of the same programming model, to compare against (none for the floor). */
function officialOf(id) {
  const family = IMPLEMENTATIONS[id]?.family;
  return Object.keys(IMPLEMENTATIONS).find(
    (other) => IMPLEMENTATIONS[other].official === true && IMPLEMENTATIONS[other].family === family,
  );
}

module.exports = { IMPLEMENTATIONS, officialOf };
