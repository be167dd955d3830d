#!/usr/bin/env node
// `cc-start`: start the contract package in the current directory (or --module-path) as a
// chaincode; see commands/cc-start-cli.ts. Loaded by the committed bin/cc-start.js.
import { runCcStart } from '../commands/cc-start-cli';
import { runMain } from './main';

runMain('cc-start', runCcStart);
