import { resolve } from 'node:path';
import { errorMessage } from '@chaincode/contract-api/internal';
import type { CliContext } from '../../context';
import { CliError } from '../../errors/cli-error';
import type { ControlRequest, ControlResponse } from '../dev/control-server';
import { renderResult } from '../dev/render-result';
import { readSessionFile, SESSION_FILE } from '../dev/session-file';

export interface InvokeOptions {
  readonly kind: 'submit' | 'evaluate';
  readonly request: ControlRequest;
  readonly modulePath?: string;
}

/**
 * `chaincode invoke` / `query`: run a transaction in the `chaincode dev` session of this project,
 * found through its session file (address and secret). The result is printed once: on stdout when
 * it succeeds, as the command's failure when it does not.
 */
export async function invokeDevSession(ctx: CliContext, options: InvokeOptions): Promise<void> {
  const dir = resolve(ctx.cwd, options.modulePath ?? '.');
  const session = readSessionFile(dir);
  if (session === undefined) {
    throw new CliError(
      'CC_CLI_NO_DEV_SESSION',
      `no running chaincode dev session for ${dir} (no ${SESSION_FILE}); start one there with chaincode dev (npm run dev)`,
    );
  }
  let response: Response;
  try {
    response = await fetch(`${session.url}/${options.kind}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${session.secret}` },
      body: JSON.stringify(options.request),
      signal: AbortSignal.timeout(120000),
    });
  } catch (err) {
    throw new CliError(
      'CC_CLI_NO_DEV_SESSION',
      `the chaincode dev session at ${session.url} does not answer (${errorMessage(err)}); is it still running?`,
      { cause: err },
    );
  }
  showResponse(ctx, options, response, (await response.json().catch(() => ({}))) as ResponseBody);
}

type ResponseBody = Partial<ControlResponse> & { error?: string };

/** The result on stdout, or the command's failure (refused, not run, or the transaction failed). */
function showResponse(ctx: CliContext, options: InvokeOptions, response: Response, body: ResponseBody): void {
  if (response.status === 401 || response.status === 403 || response.status === 415) {
    throw new CliError('CC_CLI_DEV_REFUSED', `chaincode dev refused the request: ${body.error ?? response.statusText}`);
  }
  if (!response.ok || typeof body.status !== 'number') {
    throw new CliError(
      'CC_CLI_TRANSACTION_FAILED',
      `chaincode dev could not run it: ${body.error ?? response.statusText}`,
    );
  }
  const fcn = body.fcn ?? options.request.fcn;
  if (body.status >= 400) {
    const how = body.kind === 'evaluate' ? 'evaluated' : 'not committed';
    throw new CliError(
      'CC_CLI_TRANSACTION_FAILED',
      `${fcn} failed with status ${body.status} (${how}, tx ${(body.txId ?? '').slice(0, 8)}): ${body.message ?? ''}`,
    );
  }
  ctx.stdout.write(
    renderResult({
      kind: body.kind ?? options.kind,
      fcn,
      txId: body.txId ?? '',
      status: body.status,
      message: body.message ?? '',
      payload: Buffer.from(body.payload ?? '', 'base64'),
      committed: body.committed === true,
      identity: body.identity ?? '',
      event:
        body.event === undefined
          ? undefined
          : { name: body.event.name, payload: Buffer.from(body.event.payload, 'base64') },
    }),
  );
}
