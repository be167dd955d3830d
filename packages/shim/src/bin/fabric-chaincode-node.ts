#!/usr/bin/env node
// `fabric-chaincode-node`: the official bin's start / server / metadata generate; see
// commands/fabric-chaincode-node-cli.ts. Loaded by the committed bin/fabric-chaincode-node.js.
import { runFabricChaincodeNodeCli } from '../commands/fabric-chaincode-node-cli';
import { runMain } from './main';

runMain('fabric-chaincode-node', runFabricChaincodeNodeCli);
