/** What `chaincode dev` tells the chaincode process it forks (as its one argument, JSON). */
export interface RunnerConfig {
  readonly modulePath: string;
  readonly peerAddress: string;
  readonly chaincodeIdName: string;
  readonly localMspId: string;
  readonly verbose: boolean;
}

/** What the chaincode process reports over IPC. */
export type RunnerMessage =
  | { readonly type: 'ready'; readonly metadata: unknown }
  | { readonly type: 'failed'; readonly message: string; readonly location?: string; readonly stack?: string };
