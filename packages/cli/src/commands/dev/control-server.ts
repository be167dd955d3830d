import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { DevSession } from './dev-session';
import type { ShownResult } from './render-result';

/** The JSON `cc invoke` / `cc query` send to a running `cc dev`. */
export interface ControlRequest {
  readonly fcn: string;
  readonly args: readonly string[];
  readonly transient?: Readonly<Record<string, string>>;
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
  readonly event?: { readonly name: string; readonly payload: string };
}

const MAX_BODY = 4 * 1024 * 1024;

/**
 * A small HTTP endpoint on 127.0.0.1 that lets `cc invoke` / `cc query` from another terminal run
 * transactions in a `cc dev` session: POST /submit and /evaluate with {fcn, args}; GET /transactions.
 */
export async function startControlServer(
  session: DevSession,
  port: number,
  onRun: (result: ShownResult) => void,
): Promise<{ url: string; close(): Promise<void> }> {
  const server: Server = createServer((req, res) => {
    handle(session, req, res, onRun).catch((err: unknown) => {
      reply(res, 500, { error: err instanceof Error ? err.message : String(err) });
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port: bound } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${bound}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => {
          resolve();
        });
      }),
  };
}

async function handle(
  session: DevSession,
  req: IncomingMessage,
  res: ServerResponse,
  onRun: (result: ShownResult) => void,
): Promise<void> {
  if (req.method === 'GET' && req.url === '/transactions') {
    reply(res, 200, { name: session.name, transactions: session.transactions });
    return;
  }
  const kind = req.url === '/submit' ? 'submit' : req.url === '/evaluate' ? 'evaluate' : undefined;
  if (req.method !== 'POST' || kind === undefined) {
    reply(res, 404, { error: 'use POST /submit or /evaluate, or GET /transactions' });
    return;
  }
  const body = parseRequest(await readBody(req));
  if (body === undefined) {
    reply(res, 400, { error: 'expected JSON {"fcn": string, "args": string[]}' });
    return;
  }
  const result = await session.run(kind, body.fcn, body.args, body.transient);
  onRun(result);
  const response: ControlResponse = {
    kind: result.kind,
    fcn: result.fcn,
    txId: result.txId,
    status: result.status,
    message: result.message,
    payload: Buffer.from(result.payload).toString('base64'),
    committed: result.committed,
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
    return { fcn: value.fcn, args: value.args, transient: transient as Record<string, string> };
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
        reject(new Error('request too large'));
        req.destroy();
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
