/** Fabric's level names (CRITICAL, ERROR, WARNING, INFO, DEBUG), lower-cased. */
export type LogLevel = 'critical' | 'error' | 'warning' | 'info' | 'debug';

export const LOG_LEVELS: readonly LogLevel[] = ['critical', 'error', 'warning', 'info', 'debug'];

/** Lower is more severe; a message is written when its severity is at most the threshold. */
export const SEVERITY: Readonly<Record<LogLevel, number>> = { critical: 0, error: 1, warning: 2, info: 3, debug: 4 };

/** Parse a Fabric level name (any case; WARN and NOTICE accepted as WARNING and INFO). */
export function parseLogLevel(value: string | undefined): LogLevel | undefined {
  if (value === undefined || value === '') return undefined;
  const v = value.trim().toLowerCase();
  if (v === 'warn') return 'warning';
  if (v === 'notice') return 'info';
  if (v === 'fatal' || v === 'panic') return 'critical';
  return (LOG_LEVELS as readonly string[]).includes(v) ? (v as LogLevel) : undefined;
}
