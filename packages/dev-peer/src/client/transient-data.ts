import { ClientOptionsError } from './errors/contract-client-error';

/** A transient value: bytes as they are, a string as UTF-8, anything else as its JSON. */
export type TransientValue = Uint8Array | string | number | boolean | null | object;

/** Transient data as the client takes it: a map of names to values. */
export type TransientInput = Readonly<Record<string, TransientValue>>;

const encoder = new TextEncoder();

/** The transient map a proposal carries (names → bytes). */
export function encodeTransient(transient: TransientInput): Record<string, Uint8Array> {
  const given: unknown = transient; // JavaScript callers may pass anything
  if (typeof given !== 'object' || given === null || Array.isArray(given)) {
    throw new ClientOptionsError('transient must be an object mapping names to values');
  }
  const out: Record<string, Uint8Array> = {};
  for (const [key, value] of Object.entries(transient)) {
    if (value instanceof Uint8Array) out[key] = value;
    else if (typeof value === 'string') out[key] = encoder.encode(value);
    else out[key] = encoder.encode(jsonOf(key, value));
  }
  return out;
}

function jsonOf(key: string, value: unknown): string {
  let json: unknown;
  try {
    json = JSON.stringify(value);
  } catch (err) {
    throw new ClientOptionsError(
      `transient value '${key}' cannot be sent as JSON: ${err instanceof Error ? err.message : String(err)}`,
      {
        cause: err,
      },
    );
  }
  if (typeof json !== 'string') {
    throw new ClientOptionsError(`transient value '${key}' cannot be sent as JSON (${typeof value})`);
  }
  return json;
}
