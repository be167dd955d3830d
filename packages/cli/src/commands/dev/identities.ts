import type { CreateIdentityOptions, Identity } from '@chaincode/dev-peer';
import { CliError } from '../../errors/cli-error';

/** The dev peer's side of identities: what `as` needs from it (the seam for multi-org networks). */
export interface IdentitySource {
  readonly defaultIdentity: Identity;
  createIdentity(options: CreateIdentityOptions): Identity;
}

/** An identity as `chaincode dev` names it: `name@MSP`, with its Fabric CA attributes. */
export interface NamedIdentity {
  readonly label: string;
  readonly identity: Identity;
}

/**
 * The identities of a dev session, by name: `alice` (in the default MSP) or `alice@Org2MSP`, each
 * issued once by the dev peer's test CA for that MSP, with attributes when asked (`role=admin`).
 * The default is the dev peer's own, User1 of its MSP.
 */
export class IdentityBook {
  readonly #source: IdentitySource;
  readonly #issued = new Map<string, NamedIdentity>();
  readonly default: NamedIdentity;

  constructor(source: IdentitySource) {
    this.#source = source;
    const identity = source.defaultIdentity;
    this.default = { label: `User1@${identity.mspId}`, identity };
    this.#issued.set(this.default.label, this.default);
  }

  /** `name[@MSP]` with optional `key=value` attributes; the same words give the same identity. */
  resolve(spec: string, attributes: Readonly<Record<string, string>> = {}): NamedIdentity {
    const match = /^([^@\s]+)(?:@([A-Za-z0-9._-]+))?$/.exec(spec);
    if (match === null) {
      throw new CliError(
        'CC_CLI_INVALID_ARGUMENT',
        `"${spec}" is not an identity: use name or name@MSP, e.g. bob@Org2MSP`,
      );
    }
    const commonName = match[1] ?? spec;
    const mspId = match[2] ?? this.default.identity.mspId;
    const attrs = Object.entries(attributes).sort(([a], [b]) => (a < b ? -1 : 1));
    const label = `${commonName}@${mspId}${attrs.map(([k, v]) => ` ${k}=${v}`).join('')}`;
    let named = this.#issued.get(label);
    if (named === undefined) {
      const identity = this.#source.createIdentity({
        mspId,
        commonName,
        ...(attrs.length > 0 ? { attributes: Object.fromEntries(attrs) } : {}),
      });
      named = { label, identity };
      this.#issued.set(label, named);
    }
    return named;
  }
}
