import type { ChannelOptions } from '@grpc/grpc-js';
import { DEFAULT_GRPC_OPTIONS, GRPC_OPTION_NAMES, type GrpcOptions } from './options';

/** fabric-shim's grpc.* defaults overlaid with what was given (undefined values ignored). */
export function grpcChannelOptions(given: Partial<GrpcOptions> | undefined): ChannelOptions {
  // One long-lived stream per connection: grpc-js's retry layer would only add a buffering hop per message.
  const options: Record<string, number | string> = { ...DEFAULT_GRPC_OPTIONS, 'grpc.enable_retries': 0 };
  if (given !== undefined) {
    for (const name of GRPC_OPTION_NAMES) {
      const value = given[name];
      if (typeof value === 'number' && Number.isFinite(value)) options[name] = value;
    }
  }
  return options;
}

/** Drop a grpc:// or grpcs:// scheme: grpc-js wants host:port. */
export function peerTarget(address: string): string {
  return address.replace(/^grpcs?:\/\//i, '');
}
