import type { ErrorRegistry } from '@chaincode/contract-api/internal';

/**
 * Every code the shim throws, with what it means and what to do. The error classes in
 * `shim-error.ts` are made from these codes (each code belongs to exactly one class);
 * `docs/errors.md` is generated from this table (`npm run docs:errors`).
 */
export const shimErrorCodes = {
  // --- runtime: options and arguments of the shim's API ---
  CC_SHIM_INVALID_OPTIONS: {
    meaning:
      'An option (command-line flag, CORE_ variable, file it names, or a field of the options object) is missing or invalid.',
    action: 'Fix the option the message names; `cc-start --help` lists the flags and their CORE_ variables.',
  },

  // --- runtime: the connection to the peer ---
  CC_SHIM_PEER_UNREACHABLE: {
    meaning:
      'The chaincode could not register with the peer within the connect timeout (no connection, or no REGISTERED/READY answer).',
    action:
      'Check --peer.address (host:port), that the peer is running and reachable, and TLS settings; raise --connect-timeout-ms if the peer is slow to start.',
  },
  CC_SHIM_PEER_REFUSED: {
    meaning:
      'The peer answered the registration with an error (e.g. an unknown or duplicate chaincode id), or the address serves no Fabric chaincode service.',
    action: 'Check --chaincode-id-name (the package id the peer expects) and that --peer.address is the peer.',
  },
  CC_SHIM_CONNECTION_LOST: {
    meaning:
      'The connection to the peer ended and the chaincode could not register again within the reconnect timeout (or reconnecting is off).',
    action:
      'Look at the reason in the message and at the peer; by default the chaincode keeps trying (--reconnect-timeout-ms -1).',
  },
  CC_SHIM_LISTEN_FAILED: {
    meaning: 'The chaincode server (chaincode as a service) could not listen on its address.',
    action: 'Pick a free port, or stop the process that holds it; check --chaincode-address (host:port).',
  },
  CC_SHIM_STREAM_CLOSED: {
    meaning:
      'The stream to the peer ended while a stub request was pending; the transaction cannot complete on that stream.',
    action:
      'Nothing to do in the contract: the peer fails the proposal, and the client may resubmit once the chaincode has reconnected.',
  },
  CC_SHIM_REQUEST_TIMEOUT: {
    meaning: 'The peer did not answer a stub request (getState, putState, a query...) within the request timeout.',
    action: 'Check the peer; the request timeout is --request-timeout-ms (CORE_REQUEST_TIMEOUT_MS), 30000 by default.',
  },
  CC_SHIM_PEER_ERROR: {
    meaning: 'The peer answered a stub request with ERROR; the message is the peer’s text.',
    action: 'Read the peer’s text: usually a missing collection, an access rule or a Fabric limit.',
  },

  // --- runtime: commands (start, server, metadata generate) ---
  CC_SHIM_USAGE: {
    meaning: 'The command line is wrong: an unknown flag, a flag without its value, or no command.',
    action: 'Run the command with --help for its flags (cc-start exits 2 for these).',
  },
  CC_SHIM_MODULE_LOAD_FAILED: {
    meaning:
      'The contract package could not be loaded (missing directory or package.json, a main that throws or is not built).',
    action: 'Check --module-path and build the project (e.g. npm run build); the message names the file.',
  },
  CC_SHIM_FILE_ERROR: {
    meaning: 'A file the command writes could not be written.',
    action: 'Check the path and its permissions.',
  },

  // --- contract loading (dispatch) ---
  CC_SHIM_NO_CONTRACTS: {
    meaning: 'The contract package loaded but exports no Contract classes.',
    action: 'Export them from the package main, e.g. `module.exports.contracts = [MyContract]`.',
  },

  // --- stub, identity and policy ---
  CC_SHIM_INVALID_ARGUMENT: {
    meaning:
      'A shim method was called with an argument Fabric refuses (a key of the wrong type, a bad composite key part, a private data collection that is not a non-empty string...); nothing was sent to the peer.',
    action:
      'Fix the argument the message names; where fabric-shim has a text for the same refusal, the message is that text.',
  },
  CC_SHIM_PROTOCOL_ERROR: {
    meaning: 'A message from the peer could not be read (an undecodable or missing signed proposal...).',
    action: 'Check that the peer is a Fabric peer of a supported version; report it if it is.',
  },
  CC_SHIM_IDENTITY_ERROR: {
    meaning: 'The transaction creator cannot be read as an X.509 identity (not PEM, idemix, malformed certificate).',
    action: 'Use an X.509 identity, or avoid ClientIdentity for this creator.',
  },

  // --- Contract dispatch (src/dispatch): a call the contracts cannot serve. The message is what the
  // client receives (status 500), worded as fabric-contract-api words it where one exists.
  CC_SHIM_UNKNOWN_CONTRACT: {
    meaning: 'The call names a contract (`contract:function`) that the chaincode does not have.',
    action:
      'Use the name of one of the contracts (org.hyperledger.fabric:GetMetadata lists them), or no prefix for the default contract.',
  },
  CC_SHIM_ARGUMENT_COUNT: {
    meaning: 'The call gives more arguments than the transaction has parameters, or fewer than it requires.',
    action: 'Send one argument per parameter listed in the contract metadata (optional parameters only at the end).',
  },
  CC_SHIM_ARGUMENT_CONVERSION: {
    meaning:
      'An argument cannot be turned into the type of its parameter (not a number, not a boolean, not JSON...); the message names the parameter and the reason.',
    action: "Send the argument in the form the parameter's schema asks for.",
  },
  CC_SHIM_ARGUMENT_INVALID: {
    meaning: "An argument does not match its parameter's schema; the message names the parameter and every problem.",
    action: "Send a value that matches the parameter's schema in the contract metadata.",
  },
  CC_SHIM_PARAMETER_UNUSABLE: {
    meaning:
      'A parameter in the contract metadata has no schema, or a schema that cannot be compiled (e.g. a $ref to a type that does not exist), so no call of that transaction can be served.',
    action: 'Fix the parameter in the metadata file or in the decorators (@Param type, @Object classes).',
  },

  // --- chaos suite: limits that must not cost the stream ---
  CC_SHIM_MESSAGE_TOO_LARGE: {
    meaning:
      'A stub request the chaincode was about to send is larger than its grpc.max_send_message_length; it was not sent (grpc-js would have failed the whole stream). A response that large is answered as a 500 with the same text.',
    action:
      'Send less (split the value or the result into several keys), or raise --grpc.max_send_message_length (a Fabric peer accepts 100 MiB by default).',
  },
} as const satisfies ErrorRegistry;

/** A code of the shim's registry. */
export type ShimErrorCode = keyof typeof shimErrorCodes;
