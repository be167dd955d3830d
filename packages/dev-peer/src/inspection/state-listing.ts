import { DevPeerError } from '../errors/dev-peer-error';
import type { ChannelLedger } from '../state/channel-ledger';
import type { Version } from '../state/ledger-types';
import { compositeKeyRange, displayKey, splitCompositeKey, type CompositeKeyParts } from './composite-key';

/** Which keys `state()` lists: all of them, a prefix, a key range, or a partial composite key. */
export interface StateListOptions {
  readonly channelId?: string;
  /** A private collection instead of the public state. */
  readonly collection?: string;
  /** Keys starting with this text. */
  readonly prefix?: string;
  /** Keys from this one (inclusive)... */
  readonly startKey?: string;
  /** ...up to this one (exclusive; '' or absent: no end), as a range query reads them. */
  readonly endKey?: string;
  /** Composite keys of this object type, starting with these attributes. */
  readonly composite?: { readonly objectType: string; readonly attributes?: readonly string[] };
}

/** One committed key, for inspection. */
export interface StateEntryView {
  readonly key: string;
  /** The key as people read it: composite keys as `type~attr~...`. */
  readonly displayKey: string;
  readonly composite?: CompositeKeyParts;
  readonly value: Uint8Array;
  readonly version: Version;
  readonly metadata: Readonly<Record<string, Uint8Array>>;
}

function range(options: StateListOptions): { start: string; end: string } {
  const given = [options.prefix, options.startKey ?? options.endKey, options.composite].filter((o) => o !== undefined);
  if (given.length > 1) {
    throw new DevPeerError('CC_DEVPEER_INVALID_OPTIONS', 'state(): give one of prefix, startKey/endKey or composite');
  }
  if (options.prefix !== undefined)
    return { start: options.prefix, end: options.prefix === '' ? '' : options.prefix + '\u{10ffff}' };
  if (options.composite !== undefined)
    return compositeKeyRange(options.composite.objectType, options.composite.attributes);
  return { start: options.startKey ?? '', end: options.endKey ?? '' };
}

/** The committed keys of a chaincode namespace in key order (UTF-8 byte order, as Fabric). */
export function listState(ledger: ChannelLedger, namespace: string, options: StateListOptions): StateEntryView[] {
  const store = ledger.namespace(namespace).peekStore(options.collection ?? '');
  if (store === undefined) return [];
  const { start, end } = range(options);
  const views: StateEntryView[] = [];
  for (let key = store.firstKeyFrom(start, end, false); key !== undefined; key = store.firstKeyFrom(key, end, true)) {
    const entry = store.get(key);
    if (entry === undefined) continue;
    const composite = splitCompositeKey(key);
    views.push({
      key,
      displayKey: displayKey(key),
      ...(composite !== undefined ? { composite } : {}),
      value: entry.value,
      version: entry.version,
      metadata: Object.fromEntries(entry.metadata ?? []),
    });
  }
  return views;
}
