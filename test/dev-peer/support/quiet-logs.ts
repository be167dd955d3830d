import { configureLogging } from '@chaincode/shim';

/**
 * Keep the shim's INFO lines (registering, stream ended) and the dev peer's expected warnings out of
 * a green test run; errors still print.
 */
export function quietLogs(): void {
  configureLogging({ shimLevel: 'error', level: 'error' });
}
