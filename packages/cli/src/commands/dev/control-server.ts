import { timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { errorMessage } from '@chaincode/contract-api/internal';
import type { ShownResult } from './render-result';
import type { TransactionInfo } from './transactions';

/** The JSON `chaincode invoke` / `query` send to a running `chaincode dev`. */
export interface ControlRequest {
  readonly fcn: string;
  readonly args: readonly string[];
  readonly transient?: Readonly<Record<string, string>>;
  /** `name` or `name@MSP`; default: the session's current identity. */
  readonly identity?: string;
}

/** The JSON they get back (payloads base64). */
export interface ControlResponse {
  readonly kind: 'submit' | 'evaluate';
  readonly fcn: string;
  readonly txId: string;
  readonly status: number;
  readonly message: string;
  readonly payload: string;
  readonly committed: boolean;
  readonly identity: string;
  readonly event?: { readonly name: string; readonly payload: string };
}

/** What the endpoint runs transactions on. */
export interface ControlTarget {
  readonly name: string;
  readonly transactions: readonly TransactionInfo[];
  run(kind: 'submit' | 'evaluate', request: ControlRequest): Promise<ShownResult>;
}

const MAX_BODY = 4 * 1024 * 1024;

/**
 * A small HTTP endpoint on 127.0.0.1 that lets `chaincode invoke` / `query` from another terminal
 * run transactions in a `chaincode dev` session: POST /submit and /evaluate with JSON
 * {fcn, args, transient, identity}; GET /transactions. Only the developer's own tools get in:
 * every request must carry the session's secret (`authorization: Bearer <secret>`, from the
 * owner-only session file); a request with an `Origin` header (a web page) or for another host
 * name (DNS rebinding) is refused, and so is a POST whose body is not declared JSON (a page can
 * send text/plain across origins without asking first).
 */
export async function startControlServer(
  target: ControlTarget,
  options: { readonly port: number; readonly secret: string },
  onRun: (result: ShownResult) => void,
): Promise<{ url: string; close(): Promise<void> }> {
  let port = options.port;
  const server: Server = createServer((req, res) => {
    const refusal = refuse(req, port, options.secret);
    if (refusal !== undefined) {
      req.resume();
      reply(res, refusal.status, { error: refusal.error });
      return;
    }
    handle(target, req, res, onRun).catch((err: unknown) => {
      reply(res, 500, { error: errorMessage(err) });
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => {
          resolve();
        });
      }),
  };
}

/** Why a request is refused before it is read, or undefined when it may go on. */
function refuse(req: IncomingMessage, port: number, secret: string): { status: number; error: string } | undefined {
  if (req.headers.origin !== undefined) {
    return { status: 403, error: 'requests from web pages (with an Origin header) are refused' };
  }
  const host = req.headers.host ?? '';
  if (host !== `127.0.0.1:${port}` && host !== `localhost:${port}`) {
    return { status: 403, error: `requests for host "${host}" are refused` };
  }
  if (!sameSecret(req.headers.authorization ?? '', `Bearer ${secret}`)) {
    return { status: 401, error: 'missing or wrong session secret (it is in the session file of chaincode dev)' };
  }
  const type = (req.headers['content-type'] ?? '').split(';', 1)[0]?.trim().toLowerCase();
  if (req.method === 'POST' && type !== 'application/json') {
    return { status: 415, error: 'the body must be JSON (content-type: application/json)' };
  }
  return undefined;
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

async function handle(
  target: ControlTarget,
  req: IncomingMessage,
  res: ServerResponse,
  onRun: (result: ShownResult) => void,
): Promise<void> {
  if (req.method === 'GET' && req.url === '/transactions') {
    reply(res, 200, { name: target.name, transactions: target.transactions });
    return;
  }
  const kind = req.url === '/submit' ? 'submit' : req.url === '/evaluate' ? 'evaluate' : undefined;
  if (req.method !== 'POST' || kind === undefined) {
    req.resume();
    reply(res, 404, { error: 'use POST /submit or /evaluate, or GET /transactions' });
    return;
  }
  const body = parseRequest(await readBody(req));
  if (body === undefined) {
    reply(res, 400, {
      error: 'expected JSON {"fcn": string, "args": string[], "transient"?: {}, "identity"?: string}',
    });
    return;
  }
  const result = await target.run(kind, body);
  onRun(result);
  const response: ControlResponse = {
    kind: result.kind,
    fcn: result.fcn,
    txId: result.txId,
    status: result.status,
    message: result.message,
    payload: Buffer.from(result.payload).toString('base64'),
    committed: result.committed,
    identity: result.identity,
    event:
      result.event === undefined
        ? undefined
        : { name: result.event.name, payload: Buffer.from(result.event.payload).toString('base64') },
  };
  reply(res, 200, response);
}

function parseRequest(text: string): ControlRequest | undefined {
  try {
    const value = JSON.parse(text) as Partial<ControlRequest>;
    if (typeof value.fcn !== 'string' || !Array.isArray(value.args)) return undefined;
    if (!value.args.every((a) => typeof a === 'string')) return undefined;
    const transient: unknown = value.transient ?? {};
    if (typeof transient !== 'object' || transient === null) return undefined;
    if (!Object.values(transient).every((v) => typeof v === 'string')) return undefined;
    if (value.identity !== undefined && typeof value.identity !== 'string') return undefined;
    return {
      fcn: value.fcn,
      args: value.args,
      transient: transient as Record<string, string>,
      ...(value.identity !== undefined ? { identity: value.identity } : {}),
    };
  } catch {
    return undefined;
  }
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) {
        req.destroy();
        resolve('');
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      resolve(Buffer.concat(chunks).toString('utf8'));
    });
    req.on('error', reject);
  });
}

function reply(res: ServerResponse, status: number, body: unknown): void {
  if (res.headersSent) return;
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}
