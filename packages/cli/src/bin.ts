#!/usr/bin/env node
// `cc`: every command. See entry.ts for exit codes.
import { runEntry } from './entry';

runEntry(process.argv.slice(2));
