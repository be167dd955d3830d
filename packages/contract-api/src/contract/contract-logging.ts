/** A logger handed to contract code through `ctx.logging.getLogger()`; arguments are joined as `util.format` does. */
export interface ContractLogger {
  critical(message: unknown, ...meta: unknown[]): void;
  error(message: unknown, ...meta: unknown[]): void;
  warn(message: unknown, ...meta: unknown[]): void;
  warning(message: unknown, ...meta: unknown[]): void;
  info(message: unknown, ...meta: unknown[]): void;
  debug(message: unknown, ...meta: unknown[]): void;
}

/**
 * `ctx.logging`: the runtime injects the implementation (this package has no logger of its own).
 * `getLogger(name)` names the logger `<contract>:<name>`; `setLevel` takes Fabric's level names
 * (CRITICAL, ERROR, WARNING, INFO, DEBUG) and applies to every contract logger.
 */
export interface ContractLogging {
  getLogger(name?: string): ContractLogger;
  setLevel(level: string): void;
}
