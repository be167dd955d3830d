#!/usr/bin/env node
// Entry of the `cc` command. The commands arrive with the CLI issue.
process.stdout.write('chaincode: the CLI and the demo are not built yet (see the cli issue).\n');
