import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as ours from '@chaincode/contract-api';
import type { ConnectOptions, DevPeer, TransactionResult } from '@chaincode/dev-peer';
import { createContractChaincode, serveChaincode, type ServerTlsOptions } from '@chaincode/shim';
import { freePort, waitForPort } from '../../cli/helpers/net';
import { createTlsFiles, type TlsFiles } from '../../cli/helpers/tls-files';
import { defineChaosContracts } from '../fixtures/chaos-contracts';
import { BINS, Child, FIXTURES } from '../support/children';
import { call, describe as describeResult, serviceCheck, text, within } from '../support/observe';
import type { Observed, RowContext, Scenario } from '../support/scenario';

const GROUP = 'Security';

let tlsDir: string | undefined;
let files: TlsFiles | undefined;

/** PEM files (a CA, its server and client certificates, a client of another CA), made once. */
function tls(): TlsFiles {
  if (files === undefined) {
    tlsDir = mkdtempSync(join(tmpdir(), 'chaos-tls-'));
    files = createTlsFiles(tlsDir);
  }
  return files;
}

/** Remove the PEM files (afterAll). */
export function removeTlsFiles(): void {
  if (tlsDir !== undefined) rmSync(tlsDir, { recursive: true, force: true });
  tlsDir = undefined;
  files = undefined;
}

const pem = (path: string): Buffer => readFileSync(path);

/** A chaincode server (chaincode as a service) of one stack, with TLS, and mutual TLS when `clientCa`. */
async function startServer(
  stack: 'ours' | 'official',
  clientCa: boolean,
): Promise<{ address: string; alive: () => boolean; stop: () => Promise<void> }> {
  const f = tls();
  if (stack === 'ours') {
    const serverTls: ServerTlsOptions = {
      key: pem(f.serverKey),
      cert: pem(f.serverCert),
      ...(clientCa ? { clientCACerts: pem(f.caCert) } : {}),
    };
    const server = await serveChaincode(
      createContractChaincode(defineChaosContracts(ours).contracts, { info: { title: 'chaos', version: '1.0.0' } }),
      { address: '127.0.0.1:0', ccid: 'chaos-tls:1', tls: serverTls },
    );
    return { address: server.address, alive: () => true, stop: () => server.close() };
  }
  const port = await freePort();
  const child = new Child(
    BINS.fabricChaincodeNode,
    [
      'server',
      '--chaincode-address',
      `127.0.0.1:${String(port)}`,
      '--chaincode-id',
      'chaos-tls:1',
      '--chaincode-tls-cert-file',
      f.serverCert,
      '--chaincode-tls-key-file',
      f.serverKey,
      ...(clientCa ? ['--chaincode-tls-client-cacert-file', f.caCert] : []),
      '--module-path',
      FIXTURES.official,
    ],
    { CORE_CHAINCODE_LOGGING_LEVEL: 'warning' },
  );
  try {
    await waitForPort(port, 15000);
  } catch (error) {
    await child.stop();
    throw new Error(`the official server did not listen: ${String(error)}\n${child.output}`);
  }
  return { address: `127.0.0.1:${String(port)}`, alive: () => child.alive, stop: () => child.stop() };
}

let connections = 0;

/** Dial the server as a peer does; 'refused' or 'serves' (a few normal transactions over it). */
async function dial(
  peer: DevPeer,
  stack: string,
  address: string,
  dialTls: ConnectOptions['tls'],
): Promise<{ verdict: 'refused' | 'serves' | 'serves wrongly'; detail: string }> {
  const name = `${stack}-tls-${String(++connections)}`;
  try {
    await peer.connectToChaincode(name, {
      address,
      timeoutMs: 3000,
      ...(dialTls !== undefined ? { tls: dialTls } : {}),
    });
  } catch (error) {
    return { verdict: 'refused', detail: String(error) };
  }
  const service = await serviceCheck(peer, name, 3000);
  return { verdict: service.ok ? 'serves' : 'serves wrongly', detail: service.detail };
}

function tlsRow(
  title: string,
  expected: string,
  clientCa: boolean,
  attempts: readonly {
    readonly label: string;
    readonly tls: () => ConnectOptions['tls'];
    readonly must: 'refused' | 'serves';
  }[],
): Scenario {
  return {
    group: GROUP,
    title,
    expected,
    ours: { runner: 'self' },
    official: { runner: 'self' },
    async run({ peer, stack }: RowContext): Promise<Observed> {
      const server = await startServer(stack, clientCa);
      try {
        const seen: { label: string; verdict: string; must: string }[] = [];
        for (const attempt of attempts) {
          const { verdict } = await dial(peer, stack, server.address, attempt.tls());
          seen.push({ label: attempt.label, verdict, must: attempt.must });
        }
        const last = seen[seen.length - 1];
        return {
          response: seen.map((s) => `${s.label}: ${s.verdict}`).join(' · '),
          details: { seen },
          service: { ok: last?.verdict === 'serves', detail: last?.verdict ?? 'none', alive: server.alive() },
        };
      } finally {
        await server.stop();
      }
    },
    check(observed) {
      const seen = observed.details?.seen as { label: string; verdict: string; must: string }[];
      expect(seen.map((s) => [s.label, s.verdict])).toEqual(seen.map((s) => [s.label, s.must]));
    },
  };
}

type DialTls = NonNullable<ConnectOptions['tls']>;
const trusted = (): DialTls => ({ rootCert: pem(tls().caCert), serverNameOverride: 'localhost' });

/** Anything that looks like a stack frame or a file of the runtime. */
const STACK_OR_PATH = /\n\s*at\s|\bat\s+\S+\s+\(|\(?\/[\w./-]+:\d+|\b[\w-]+\.(?:ts|js|mjs|cjs)\b|node_modules/;

const answer = (r: TransactionResult | undefined): [number, string] =>
  r === undefined ? [0, 'no answer'] : [r.status, r.status < 400 ? text(r.payload) : r.message];

export const security: readonly Scenario[] = [
  tlsRow(
    'TLS chaincode server: a peer dialling in plaintext',
    'refuses the plaintext connection; serves the peer that dials with TLS',
    false,
    [
      { label: 'plaintext', tls: () => undefined, must: 'refused' },
      { label: 'TLS', tls: trusted, must: 'serves' },
    ],
  ),
  tlsRow(
    'Mutual TLS chaincode server: a peer without a client certificate, then one from another CA',
    'refuses both; serves the peer whose client certificate the configured CA issued',
    true,
    [
      { label: 'no certificate', tls: trusted, must: 'refused' },
      {
        label: 'certificate of another CA',
        tls: () => ({ ...trusted(), clientCert: pem(tls().strangerCert), clientKey: pem(tls().strangerKey) }),
        must: 'refused',
      },
      {
        label: "the CA's client",
        tls: () => ({ ...trusted(), clientCert: pem(tls().clientCert), clientKey: pem(tls().clientKey) }),
        must: 'serves',
      },
    ],
  ),
  {
    group: GROUP,
    title: 'No stack traces or file paths in responses (thrown Error, bug, string, object, rejection, bad argument)',
    expected: "each answers 500 with the error's own text only: no stack frame, no file path (default logging)",
    ours: { runner: 'in process' },
    official: { runner: 'fabric-chaincode-node start' },
    async run({ peer, cc }) {
      const calls = [
        ['chaos:fail', 'error'],
        ['chaos:fail', 'bug'],
        ['chaos:fail', 'string'],
        ['chaos:fail', 'object'],
        ['chaos:fail', 'reject'],
        ['chaos:inspect', 'not json'],
      ];
      const results: (TransactionResult | undefined)[] = [];
      for (const args of calls) results.push(await call(peer.evaluate(cc!.name, args)));
      const leaks = results.filter((r) => r !== undefined && STACK_OR_PATH.test(r.message)).length;
      return {
        response: `${results.map(describeResult).join(' · ')} — ${leaks === 0 ? 'no stack or path' : `${String(leaks)} with a stack or path`}`,
        hung: results.some((r) => r === undefined),
        details: { results },
      };
    },
    check(observed) {
      const results = observed.details?.results as TransactionResult[];
      expect(results.map(answer)).toEqual([
        [500, 'asset a1 is locked'],
        [500, "Cannot read properties of undefined (reading 'name')"],
        [500, 'plain string thrown'],
        [500, 'The transaction threw {"reason":"an object thrown"}'],
        [500, 'rejected: reject'],
        [
          500,
          expect.stringMatching(/^Unable to convert parameter 'asset' of transaction 'inspect' in contract 'chaos': /),
        ],
      ]);
      for (const r of results) expect(r.message).not.toMatch(STACK_OR_PATH);
    },
  },
  {
    group: GROUP,
    title:
      'Maximum message size (send 1 MiB, receive 4 MiB): a 2 MiB result, a 1.5 MiB value to write, then a 5 MiB argument',
    expected:
      'the result and the write: 500 naming the size and grpc.max_send_message_length, stream kept; the argument: ' +
      'refused by gRPC with one readable reason (RESOURCE_EXHAUSTED, the sizes), registers again by itself',
    ours: {
      runner: 'in process',
      options: {
        grpc: { 'grpc.max_send_message_length': 1024 * 1024, 'grpc.max_receive_message_length': 4 * 1024 * 1024 },
      },
    },
    official: {
      runner: 'fabric-chaincode-node start',
      args: [
        '--grpc.max_send_message_length',
        String(1024 * 1024),
        '--grpc.max_receive_message_length',
        String(4 * 1024 * 1024),
      ],
    },
    streamDeath: true,
    async run({ peer, cc }) {
      const registeredAgain = (): Promise<unknown> =>
        within(
          peer.waitForChaincode(cc!.name, { timeoutMs: cc!.stack === 'ours' ? 15000 : 3000 }).catch(() => undefined),
          16000,
        );
      const big = await call(peer.evaluate(cc!.name, ['chaos:big', String(2 * 1024 * 1024)]));
      const keptAfterResult = peer.chaincodes().includes(cc!.name);
      await registeredAgain();
      const put = await call(peer.submit(cc!.name, ['chaos:put', 'big-value', 'x'.repeat(1536 * 1024)]));
      const keptAfterWrite = peer.chaincodes().includes(cc!.name);
      await registeredAgain();
      const arg = await call(peer.evaluate(cc!.name, ['chaos:length', 'x'.repeat(5 * 1024 * 1024)]));
      const lost = (kept: boolean): string => (kept ? '' : ' (stream lost)');
      return {
        response: [
          `${describeResult(big)}${lost(keptAfterResult)}`,
          `${describeResult(put)}${lost(keptAfterWrite)}`,
          describeResult(arg),
        ].join(' · '),
        hung: big === undefined || put === undefined || arg === undefined,
        details: { big, put, arg, keptAfterResult, keptAfterWrite },
      };
    },
    check(observed, row) {
      const { big, put, arg } = observed.details as Record<'big' | 'put' | 'arg', TransactionResult>;
      expect([big.status, big.message]).toEqual([
        500,
        expect.stringMatching(
          /^\[mychannel-[0-9a-f]{8}\] the transaction's response was not sent: COMPLETED of \d+ bytes is larger than grpc\.max_send_message_length \(1048576 bytes\) and was not sent$/,
        ),
      ]);
      expect([put.status, put.message]).toEqual([
        500,
        expect.stringMatching(
          /^WRITE_BATCH_STATE of \d+ bytes is larger than grpc\.max_send_message_length \(1048576 bytes\) and was not sent$/,
        ),
      ]);
      expect([observed.details?.keptAfterResult, observed.details?.keptAfterWrite]).toEqual([true, true]);
      expect(arg.status).toBe(500);
      expect(row.output()).toMatch(/RESOURCE_EXHAUSTED \(8\): .*larger than max \(\d+ vs\.? 4194304\)/);
    },
  },
];
