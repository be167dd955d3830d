/** A transaction outcome as the dev tools show it, independent of where it came from. */
export interface ShownResult {
  readonly kind: 'submit' | 'evaluate';
  readonly fcn: string;
  readonly txId: string;
  readonly status: number;
  readonly message: string;
  readonly payload: Uint8Array;
  readonly committed: boolean;
  /** Who ran it: `name@MSP`. */
  readonly identity: string;
  readonly event?: { readonly name: string; readonly payload: Uint8Array };
}

/** Payload bytes as indented JSON when they parse, else text; `(empty)` for none. */
export function renderPayload(payload: Uint8Array): string {
  if (payload.length === 0) return '(empty)';
  const text = Buffer.from(payload).toString('utf8');
  try {
    const value = JSON.parse(text) as unknown;
    if (typeof value === 'object' && value !== null) return JSON.stringify(value, null, 2);
    return text;
  } catch {
    return text;
  }
}

/**
 * Several lines: status, then the payload (or error message) and, for a submit, its event (Fabric
 * emits chaincode events only from committed transactions, never from an evaluation).
 */
export function renderResult(r: ShownResult, options: { readonly showIdentity?: boolean } = {}): string {
  const ok = r.status >= 200 && r.status < 400;
  const tx = r.txId.slice(0, 8);
  const state = r.kind === 'submit' ? (r.committed ? 'committed' : 'not committed') : 'evaluated';
  const who = options.showIdentity === true ? `, as ${r.identity}` : '';
  const lines = [`${ok ? 'OK' : 'FAILED'} ${r.status} ${r.fcn} (${state}, tx ${tx}${who})`];
  if (ok) lines.push(indent(renderPayload(r.payload)));
  else lines.push(indent(r.message === '' ? '(no message)' : r.message));
  if (r.event !== undefined && r.kind === 'submit' && r.committed) {
    lines.push(indent(`event ${r.event.name}: ${compactPayload(r.event.payload)}`));
  }
  return lines.join('\n') + '\n';
}

/** Payload bytes on one line: compact JSON when they parse, else text. */
export function compactPayload(payload: Uint8Array): string {
  if (payload.length === 0) return '(empty)';
  const text = Buffer.from(payload).toString('utf8');
  try {
    return JSON.stringify(JSON.parse(text) as unknown);
  } catch {
    return text.replace(/\s*\n\s*/g, ' ');
  }
}

function indent(text: string): string {
  return text
    .split('\n')
    .map((l) => `  ${l}`)
    .join('\n');
}
