import { configureLogging } from '@chaincode/shim';

/**
 * A green test run prints nothing: the shim's INFO lines (registering, stream ended) and the dev
 * peer's logs of refused messages, which these tests provoke on purpose, are silenced. Failures
 * show through the assertions.
 */
export function quietLogs(): void {
  configureLogging({ shimLevel: 'critical', level: 'critical' });
}
