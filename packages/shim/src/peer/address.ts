/** A `host:port` address, split. */
export interface HostPort {
  readonly host: string;
  readonly port: number;
}

const HOST = /^(?:\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9_](?:[A-Za-z0-9_.-]*[A-Za-z0-9_])?)$/;

/**
 * Split `host:port` (an IPv6 host in brackets, a `grpc://` or `grpcs://` scheme accepted), or say
 * what is wrong with it. Nothing is resolved: this runs before any DNS lookup or dial, so a
 * missing port is named instead of grpc-js quietly dialling port 443 or looking up "nonsense".
 * `allowAnyPort`: port 0 (a free port, for a server) is accepted.
 */
export function parseHostPort(address: string, allowAnyPort = false): HostPort | { problem: string } {
  const bare = address.trim().replace(/^grpcs?:\/\//i, '');
  const shown = JSON.stringify(address);
  if (bare === '') return { problem: 'it is empty' };
  const colon = bare.lastIndexOf(':');
  const bracketEnd = bare.lastIndexOf(']');
  if (colon < 0 || colon < bracketEnd) {
    return { problem: `${shown} has no port (give host:port, e.g. 127.0.0.1:7052)` };
  }
  const host = bare.slice(0, colon);
  const portText = bare.slice(colon + 1);
  if (host === '') return { problem: `${shown} has no host (give host:port, e.g. 127.0.0.1:7052)` };
  if (!HOST.test(host)) return { problem: `${shown} is not host:port (host ${JSON.stringify(host)})` };
  const port = /^\d{1,5}$/.test(portText) ? Number(portText) : NaN;
  const lowest = allowAnyPort ? 0 : 1;
  if (!(port >= lowest && port <= 65535)) {
    return { problem: `${shown} has no valid port (${JSON.stringify(portText)}; a number from ${lowest} to 65535)` };
  }
  return { host, port };
}
