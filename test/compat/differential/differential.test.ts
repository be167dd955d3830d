/**
 * The generated differential suite: every case of cases.ts runs as one transaction on our stack and,
 * on the very same proposal, on fabric-shim 2.5.8 (a child process dialling the same dev peer). The
 * two must agree on the value (with the type of every part), its JSON text, the error text and
 * whether it was thrown or rejected, the requests sent to the peer, the read-write set and the
 * event — unless the case is an intended difference, listed with its reason in the shim README.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DevPeer, type Identity } from '@chaincode/dev-peer';
import { MessageType, protos } from '@chaincode/shim/internal';
import { startChaincode, type ChaincodeSession } from '@chaincode/shim';
import { quietLogs } from '../../shim/harness';
import { buildCases, type Case, type IdentityName } from './cases';
import {
  ECHO,
  echoChaincode,
  identityFor,
  OFFICIAL,
  OURS,
  recordTraffic,
  rwsetOf,
  startStacks,
  type Traffic,
} from './harness';
import { INTENDED } from './intended-differences';
import { PROBE_FUNCTION, SEED_FUNCTION, type Outcome, type Report } from './probe';

const TRANSIENT = {
  zeta: Buffer.from('z'),
  alpha: Buffer.from('a'),
  '10': Buffer.from('ten'),
  '9': Buffer.from('nine'),
  é: Buffer.from('e-acute'),
};
const LOCAL_MSP_ID = 'PeerOrgMSP';

interface Observed {
  readonly report: unknown;
  readonly requests: unknown[];
  readonly event: Traffic['event'];
  readonly rwset: unknown;
}

interface Observation {
  readonly status: number;
  readonly message: string;
  readonly ours: Observed;
  readonly theirs: Observed;
  /** QUERY_STATE_CLOSE requests sent by each (ours skips those the peer does not need). */
  readonly closes: { ours: number; theirs: number };
}

/** Error class names differ on purpose (ours are typed and coded): compare everything else. */
function withoutErrorNames(report: unknown): unknown {
  return JSON.parse(JSON.stringify(report), (key, value: unknown) => (key === 'name' ? undefined : value)) as unknown;
}

let started: { peer: DevPeer; stacks?: Awaited<ReturnType<typeof startStacks>>; echo?: ChaincodeSession } | undefined;

/** The dev peer of this file (started in beforeAll). */
function devPeer(): DevPeer {
  if (started === undefined) throw new Error('the dev peer did not start');
  return started.peer;
}
const identities = new Map<IdentityName, Identity>();
const dump: Record<string, unknown> = {};
const closes = new Map<string, Observation['closes']>();

async function observe(c: Case): Promise<Observation> {
  const peer = devPeer();
  let identity = identities.get(c.identity ?? 'default');
  if (identity === undefined) {
    identity = identityFor(peer, c.identity ?? 'default');
    identities.set(c.identity ?? 'default', identity);
  }
  const ours = recordTraffic(
    peer,
    OURS,
    (m) =>
      m.type === MessageType.INVOKE_CHAINCODE && protos.ChaincodeSpec.decode(m.payload).chaincodeId?.name === OFFICIAL,
  );
  const theirs = recordTraffic(peer, OFFICIAL);
  const result = await peer.evaluate(OURS, [PROBE_FUNCTION, JSON.stringify(c.call), ...(c.extraArgs ?? [])], {
    identity,
    transient: TRANSIENT,
  });
  const oursTraffic = ours.stop(result.txId);
  const theirsTraffic = theirs.stop(result.txId);
  const body =
    result.status === 200
      ? (JSON.parse(Buffer.from(result.payload).toString('utf8')) as { ours: Report; theirs: Report })
      : { ours: null, theirs: null };
  const side = (report: Report | null, traffic: Traffic, namespace: string): Observed => ({
    report: withoutErrorNames(report),
    requests: traffic.requests,
    event: traffic.event,
    rwset: rwsetOf(result, namespace),
  });
  return {
    status: result.status,
    message: result.message,
    ours: side(body.ours, oursTraffic, OURS),
    theirs: side(body.theirs, theirsTraffic, OFFICIAL),
    closes: { ours: oursTraffic.closes, theirs: theirsTraffic.closes },
  };
}

beforeAll(async () => {
  quietLogs();
  // A Fabric 2.5 peer (no batching advertised), three results per page so iterators fetch more.
  const peer = await DevPeer.start({ capabilities: false, pageSize: 3, executeTimeoutMs: 15000 });
  started = { peer };
  started.echo = await startChaincode(echoChaincode, { peerAddress: peer.address, chaincodeIdName: ECHO });
  await peer.waitForChaincode(ECHO);
  const stacks = await startStacks(peer, { ours: OURS, official: OFFICIAL }, { localMspId: LOCAL_MSP_ID });
  started.stacks = stacks;
  // Both namespaces are seeded by the same transactions: same txids, timestamps and versions.
  for (const round of ['1', '2']) {
    const seeded = await peer.submit(OURS, [SEED_FUNCTION, round]);
    if (seeded.status !== 200) throw new Error(`seed failed: ${seeded.message}\n${stacks.official.output}`);
  }
}, 60000);

afterAll(async () => {
  if (process.env.DIFFERENTIAL_DUMP !== undefined) {
    writeFileSync(process.env.DIFFERENTIAL_DUMP, JSON.stringify(dump, null, 1));
  }
  await started?.stacks?.stop();
  await started?.echo?.close();
  await started?.peer.stop();
});

const cases = buildCases();

describe('ours against fabric-shim 2.5.8, case by case', () => {
  it.each(cases.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const seen = await observe(c);
    expect({ status: seen.status, message: seen.message }).toEqual({ status: 200, message: '' });
    if (process.env.DIFFERENTIAL_DUMP !== undefined) {
      const same = JSON.stringify(seen.ours) === JSON.stringify(seen.theirs);
      if (!same || c.intended !== undefined)
        dump[c.name] = { intended: c.intended, ours: seen.ours, theirs: seen.theirs };
      return;
    }
    if (c.intended === undefined) {
      expect(seen.ours).toEqual(seen.theirs);
    } else {
      // Still different: when the official and ours agree again, the entry must go.
      expect(seen.ours).not.toEqual(seen.theirs);
    }
    // Ours never closes more than the official, and skips only what the peer already released.
    expect(seen.closes.ours).toBeLessThanOrEqual(seen.closes.theirs);
    closes.set(c.name, seen.closes);
  });

  it('sends QUERY_STATE_CLOSE only while the peer holds the query (the official always does)', () => {
    expect({
      onePageWalked: closes.get("getStateByRange('p2', 'p5') [walk]"),
      onePageLeftEarly: closes.get("getStateByRange('p2', 'p5') [forAwaitBreak]"),
      severalPagesWalked: closes.get("getStateByRange('p1', 'p9') over several pages [walk]"),
      severalPagesLeftEarly: closes.get(
        "getStateByRange('p1', 'p9') over several pages, left after the first row [forAwaitBreak]",
      ),
      paged: closes.get("getStateByRangeWithPagination('p2', 'p5', 2, '') [walk]"),
    }).toEqual({
      onePageWalked: { ours: 0, theirs: 1 },
      onePageLeftEarly: { ours: 0, theirs: 1 },
      severalPagesWalked: { ours: 0, theirs: 1 },
      severalPagesLeftEarly: { ours: 1, theirs: 1 },
      paged: { ours: 0, theirs: 1 },
    });
  });
});

describe('getMspID() without CORE_PEER_LOCALMSPID', () => {
  it("throws fabric-shim's error", async () => {
    const peer = devPeer();
    const names = { ours: 'ours-no-msp', official: 'official-no-msp' };
    const stacks = await startStacks(peer, names);
    try {
      const call = { target: 'stub', method: 'getMspID', args: [], mode: 'call' };
      const result = await peer.evaluate(names.ours, [PROBE_FUNCTION, JSON.stringify(call)]);
      const body = JSON.parse(Buffer.from(result.payload).toString('utf8')) as { ours: Report; theirs: Report };
      expect(withoutErrorNames(body.ours)).toEqual(withoutErrorNames(body.theirs));
      expect(body.ours.outcome).toMatchObject({
        kind: 'threw',
        error: { message: 'CORE_PEER_LOCALMSPID is unset in chaincode process' },
      });
    } finally {
      await stacks.stop();
    }
  });
});

describe('the list of intended differences', () => {
  const readme = readFileSync(join(__dirname, '..', '..', '..', 'packages', 'shim', 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('### Intended differences'));
  /** Each bullet of the README's list: its id, and whether it names the test that checks it. */
  const documented = [...section.matchAll(/^- `([a-z0-9.-]+)`( \((?:test\/|packages\/|every case)[^)]*\))?:/gm)].map(
    (m) => ({
      id: m[1] as string,
      testedElsewhere: m[2] !== undefined,
    }),
  );

  it('is used by at least one case each, and documented in the shim README', () => {
    for (const { id } of INTENDED) {
      expect({ id, used: cases.some((c) => c.intended === id) }).toEqual({ id, used: true });
      expect({ id, documented: documented.some((d) => d.id === id) }).toEqual({ id, documented: true });
    }
  });

  it('README entries are all checked: by this suite, or by the test they name', () => {
    const ids = new Set<string>(INTENDED.map((d) => d.id));
    const unchecked = documented.filter((d) => !ids.has(d.id) && !d.testedElsewhere).map((d) => d.id);
    expect(unchecked).toEqual([]);
    expect(documented.length).toBeGreaterThan(ids.size);
  });
});

export type { Outcome };
