import { isChaincodeError } from '@chaincode/contract-api';

/**
 * Where the user's code failed while a module loaded, for a failure whose cause came from that
 * code: a SyntaxError's `file:line` with the line and its caret (as node prints it), else the
 * first stack frame outside node's internals and node_modules. Undefined when there is none.
 */
export function describeLoadLocation(err: unknown): string | undefined {
  for (let cause = causeOf(err); cause !== undefined; cause = causeOf(cause)) {
    if (!(cause instanceof Error) || isOurs(cause)) continue;
    const stack = cause.stack ?? '';
    if (cause.name === 'SyntaxError') {
      const header = syntaxErrorHeader(stack);
      if (header !== undefined) return header;
    }
    const frame = firstUserFrame(stack);
    if (frame !== undefined) return `  at ${frame}`;
  }
  return undefined;
}

function causeOf(err: unknown): unknown {
  return err instanceof Error ? err.cause : undefined;
}

function isOurs(err: Error): boolean {
  return isChaincodeError(err) || err.name === 'CommandError';
}

/** Node puts `file:line`, the source line and a caret above "SyntaxError: ..." for a parse error. */
function syntaxErrorHeader(stack: string): string | undefined {
  const lines = stack.split('\n');
  const messageLine = lines.findIndex((l) => l.startsWith('SyntaxError'));
  if (messageLine <= 0) return undefined;
  const header = lines.slice(0, messageLine).filter((l) => l.trim() !== '');
  const [where, ...source] = header;
  if (where === undefined || !/:\d+$/.test(where)) return undefined;
  return [`  at ${where}`, ...source.map((l) => `  | ${l}`)].join('\n');
}

/** Frames in our own packages (installed, or built in this repository) are not the user's code. */
const OUR_CODE =
  /[\\/](?:@chaincode[\\/]|packages[\\/](?:contract-api|shim|dev-peer|cli)[\\/](?:dist|src)[\\/](?!__fixtures__))/;

function firstUserFrame(stack: string): string | undefined {
  for (const line of stack.split('\n').slice(1)) {
    const match = /^\s+at (?:.*? \()?(.+?:\d+:\d+)\)?$/.exec(line);
    const location = match?.[1];
    if (location === undefined || location.startsWith('node:') || OUR_CODE.test(location)) continue;
    if (location.includes('/node_modules/') || location.includes('\\node_modules\\')) continue;
    return location;
  }
  return undefined;
}
