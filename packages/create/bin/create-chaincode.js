#!/usr/bin/env node
'use strict';
// `npm create @chaincode <dir> [-- --template javascript]` (or `npm init @chaincode`): npm runs this
// bin of @chaincode/create, which is `chaincode init` with the same arguments and messages.
const { runEntry } = require('@chaincode/cli');

runEntry(['init', ...process.argv.slice(2)]);
