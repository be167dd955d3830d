/**
 * Structured, levelled logging for the shim. Before the first line is written, the process's
 * CORE_CHAINCODE_LOGGING_LEVEL / _SHIM / _FORMAT (read by the options module) set the levels and
 * format; `configureLogging` overrides them. A disabled level costs one integer comparison.
 */
import { processLogging } from '../config/process-environment';
import { SEVERITY as severity, type LogLevel } from './levels';

export { LOG_LEVELS, parseLogLevel, type LogLevel } from './levels';

/** Extra structured fields; values are rendered with JSON.stringify in json format. */
export type LogFields = Readonly<Record<string, unknown>>;

/** One rendered line goes here; the default writes to stderr. */
export type LogSink = (line: string) => void;

export interface LoggingConfig {
  /** Level for user/contract loggers (CORE_CHAINCODE_LOGGING_LEVEL). Default info. */
  readonly level?: LogLevel;
  /** Level for the shim's own loggers (CORE_CHAINCODE_LOGGING_SHIM). Default: same as `level`. */
  readonly shimLevel?: LogLevel;
  /** `json` for one JSON object per line; anything else is the plain text format. */
  readonly format?: 'text' | 'json';
  readonly sink?: LogSink;
}

export interface Logger {
  readonly name: string;
  isEnabled(level: LogLevel): boolean;
  critical(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
  warning(message: string, fields?: LogFields): void;
  /** Alias of warning, for callers used to winston/console naming. */
  warn(message: string, fields?: LogFields): void;
  info(message: string, fields?: LogFields): void;
  debug(message: string, fields?: LogFields): void;
}

interface LoggingState {
  /** False until the logging variables of the process were applied. */
  fromEnvironment: boolean;
  userThreshold: number;
  shimThreshold: number;
  format: 'text' | 'json';
  sink: LogSink;
  userLevels: Map<string, number>;
}

const defaultSink: LogSink = (line) => {
  process.stderr.write(line + '\n');
};

const state: LoggingState = {
  fromEnvironment: false,
  userThreshold: severity.info,
  shimThreshold: severity.info,
  format: 'text',
  sink: defaultSink,
  userLevels: new Map(),
};

/** Apply CORE_CHAINCODE_LOGGING_* once, before anything else decides a level. */
function applyEnvironment(): void {
  if (state.fromEnvironment) return;
  state.fromEnvironment = true;
  apply(processLogging());
}

function apply(config: LoggingConfig): void {
  if (config.level !== undefined) state.userThreshold = severity[config.level];
  const shim = config.shimLevel ?? config.level;
  if (shim !== undefined) state.shimThreshold = severity[shim];
  if (config.format !== undefined) state.format = config.format;
  if (config.sink !== undefined) state.sink = config.sink;
}

/**
 * Set the levels, format or destination of the shim's logging; fields left out keep their value.
 * `level` is the threshold of user loggers (`newLogger`) and, unless `shimLevel` is given, of the
 * shim's own; `sink` receives each rendered line (default: stderr).
 *
 * @example configureLogging({ level: 'warning' }) // quiet the INFO lines
 */
export function configureLogging(config: LoggingConfig): void {
  applyEnvironment();
  apply(config);
}

/** Restore defaults (tests): the process's logging variables apply again at the next line. */
export function resetLogging(): void {
  state.fromEnvironment = false;
  state.userThreshold = severity.info;
  state.shimThreshold = severity.info;
  state.format = 'text';
  state.sink = defaultSink;
  state.userLevels.clear();
}

function render(name: string, level: LogLevel, message: string, fields: LogFields | undefined): string {
  const ts = new Date().toISOString();
  if (state.format === 'json') {
    return JSON.stringify({ ts, level, logger: name, msg: message, ...fields });
  }
  let line = `${ts} ${level.toUpperCase()} [${name}] ${message}`;
  if (fields !== undefined) {
    for (const [k, v] of Object.entries(fields)) {
      line += ` ${k}=${typeof v === 'string' ? v : safeJson(v)}`;
    }
  }
  return line;
}

function safeJson(value: unknown): string {
  if (value instanceof Error) return JSON.stringify(value.message);
  try {
    const json = JSON.stringify(value) as string | undefined;
    return json ?? typeof value;
  } catch {
    return `[${typeof value}]`;
  }
}

class LoggerImpl implements Logger {
  readonly name: string;
  readonly #shim: boolean;

  constructor(name: string, shim: boolean) {
    this.name = name;
    this.#shim = shim;
  }

  #threshold(): number {
    if (!state.fromEnvironment) applyEnvironment();
    if (this.#shim) return state.shimThreshold;
    return state.userLevels.get(this.name) ?? state.userThreshold;
  }

  isEnabled(level: LogLevel): boolean {
    return severity[level] <= this.#threshold();
  }

  #log(level: LogLevel, message: string, fields?: LogFields): void {
    if (severity[level] > this.#threshold()) return;
    state.sink(render(this.name, level, message, fields));
  }

  critical(message: string, fields?: LogFields): void {
    this.#log('critical', message, fields);
  }
  error(message: string, fields?: LogFields): void {
    this.#log('error', message, fields);
  }
  warning(message: string, fields?: LogFields): void {
    this.#log('warning', message, fields);
  }
  warn(message: string, fields?: LogFields): void {
    this.#log('warning', message, fields);
  }
  info(message: string, fields?: LogFields): void {
    this.#log('info', message, fields);
  }
  debug(message: string, fields?: LogFields): void {
    this.#log('debug', message, fields);
  }
}

/** A logger for the shim's own components (threshold: CORE_CHAINCODE_LOGGING_SHIM). */
export function shimLogger(name: string): Logger {
  return new LoggerImpl(`shim:${name}`, true);
}

/** A logger for contract code (threshold: CORE_CHAINCODE_LOGGING_LEVEL, or setUserLogLevel). */
export function userLogger(name: string): Logger {
  return new LoggerImpl(name, false);
}

/** Change the level of one user logger, or of all user loggers when `name` is omitted. */
export function setUserLogLevel(level: LogLevel, name?: string): void {
  applyEnvironment();
  if (name === undefined) {
    state.userThreshold = severity[level];
    state.userLevels.clear();
  } else {
    state.userLevels.set(name, severity[level]);
  }
}
