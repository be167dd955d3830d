/**
 * The names a project goes by, all derived from its npm package name: the package label Fabric
 * accepts, and one plain name that is at once a valid Docker image name, host name and Fabric
 * chaincode name (a scoped `@acme/asset.cc` is `asset-cc`).
 */

/** npm's rule for a package name (lower case; an optional scope). */
export const NPM_NAME = /^(?:@[a-z0-9-~][a-z0-9-._~]*\/)?[a-z0-9-~][a-z0-9-._~]*$/;

/** The name without its scope. */
export function unscopedName(npmName: string): string {
  return npmName.replace(/^@[^/]+\//, '');
}

/** Lower-case letters and digits joined by single `-`: fit for an image, a host and a chaincode. */
export function plainName(npmName: string): string {
  const plain = unscopedName(npmName)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return plain === '' ? 'chaincode' : plain;
}

/**
 * `<name>_<version>` without the scope, with what Fabric refuses in a label replaced: other symbols
 * become `_`, a run of separators keeps its first, none at either end.
 */
export function defaultLabel(npmName: string, version: string | undefined): string {
  const name = labelSafe(unscopedName(npmName));
  return version === undefined ? name : labelSafe(`${name}_${version}`);
}

function labelSafe(text: string): string {
  return text
    .replace(/[^A-Za-z0-9_.+-]/g, '_')
    .replace(/([_.+-])[_.+-]+/g, '$1')
    .replace(/^[_.+-]+|[_.+-]+$/g, '');
}
