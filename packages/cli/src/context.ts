/** Where a command writes: process.stdout/stderr in the bin, collectors in tests. */
export interface TextSink {
  write(text: string): unknown;
}

/** Everything a command may use from its surroundings; nothing else reads `process`. */
export interface CliContext {
  readonly cwd: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly stdout: TextSink;
  readonly stderr: TextSink;
  /** Input for interactive commands (`chaincode dev`); absent: not interactive. */
  readonly stdin?: NodeJS.ReadableStream;
  /** Aborts long-running commands (start, server, dev): SIGINT/SIGTERM in the bin, tests otherwise. */
  readonly signal?: AbortSignal;
  /** Extra node arguments for the node processes a command forks (tests: a TypeScript loader). */
  readonly forkExecArgv?: readonly string[];
}

export interface CliInput extends CliContext {
  /** Arguments after the program name. */
  readonly argv: readonly string[];
}
