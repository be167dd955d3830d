#!/usr/bin/env node
// `cc-start` = `cc start`: what a chaincode package.json names as its "start" script, so the peer's
// `npm start -- --peer.address <addr>` starts the contract.
import { runEntry } from './entry';

runEntry(['start', ...process.argv.slice(2)]);
