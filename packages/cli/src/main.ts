/** The `chaincode` program: bin/chaincode.js loads this file from the build. */
import { runEntry } from './entry';

runEntry(process.argv.slice(2));
