import type { ChaincodeResponse } from '../commit/ordered-transaction';
import type { SimulationResults } from '../simulation/tx-simulation';

const hex = (bytes: Uint8Array | undefined): string | null =>
  bytes === undefined ? null : Buffer.from(bytes).toString('hex');

/**
 * A canonical form of what a peer's ProposalResponsePayload carries (the read/write set, sorted by
 * key as Fabric's rwset builder sorts it, the response and the event), so the endorsements of two
 * peers can be compared as Fabric compares the payload bytes.
 */
function canonical(response: ChaincodeResponse, results: SimulationResults): string {
  const sorted = <T>(items: readonly T[], key: (t: T) => string): T[] =>
    [...items].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
  return JSON.stringify({
    status: response.status,
    message: response.message,
    payload: hex(response.payload),
    event: response.event === undefined ? null : [response.event.name, hex(response.event.payload)],
    reads: sorted(results.reads, (r) => r.namespace + '\u0000' + r.key),
    privateReads: sorted(results.privateReads, (r) => [r.namespace, r.collection, r.key].join('\u0000')),
    ranges: results.rangeQueries.map((r) => [r.namespace, r.startKey, r.endKey, r.itrExhausted, r.reads]),
    writes: sorted(results.writes, (w) => [w.namespace, w.collection, w.key].join('\u0000')).map((w) => [
      w.namespace,
      w.collection,
      w.key,
      w.isDelete,
      w.isPurge,
      hex(w.value),
    ]),
    metadata: sorted(results.metadataWrites, (m) => [m.namespace, m.collection, m.key].join('\u0000')).map((m) => [
      m.namespace,
      m.collection,
      m.key,
      [...m.metadata].map(([k, v]) => [k, hex(v)]),
    ]),
  });
}

/** True when two endorsements carry the same proposal response payload. */
export function sameEndorsement(
  a: { response: ChaincodeResponse; results: SimulationResults },
  b: { response: ChaincodeResponse; results: SimulationResults },
): boolean {
  return canonical(a.response, a.results) === canonical(b.response, b.results);
}
