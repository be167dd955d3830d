import { resolve } from 'node:path';
import { CliError } from '../../errors/cli-error';
import type { CliContext } from '../../context';
import type { ControlResponse } from '../dev/control-server';
import { renderResult } from '../dev/render-result';
import { readSessionFile, SESSION_FILE } from '../dev/session-file';

export interface InvokeOptions {
  readonly kind: 'submit' | 'evaluate';
  readonly fcn: string;
  readonly args: readonly string[];
  readonly transient?: Readonly<Record<string, string>>;
  readonly modulePath?: string;
  readonly url?: string;
}

/** `cc invoke` / `cc query`: run a transaction in the `cc dev` session of this project. */
export async function invokeDevSession(ctx: CliContext, options: InvokeOptions): Promise<void> {
  const dir = resolve(ctx.cwd, options.modulePath ?? '.');
  const url = options.url ?? readSessionFile(dir)?.url;
  if (url === undefined) {
    throw new CliError(
      'CC_CLI_NO_DEV_SESSION',
      `no running cc dev session for ${dir} (no ${SESSION_FILE}); start one with cc dev, or pass --url`,
    );
  }
  let response: Response;
  try {
    response = await fetch(`${url}/${options.kind}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ fcn: options.fcn, args: options.args, transient: options.transient ?? {} }),
    });
  } catch (err) {
    throw new CliError(
      'CC_CLI_NO_DEV_SESSION',
      `the cc dev session at ${url} does not answer; is cc dev still running?`,
      {
        cause: err,
      },
    );
  }
  const body = (await response.json()) as Partial<ControlResponse> & { error?: string };
  if (!response.ok || typeof body.status !== 'number') {
    throw new CliError('CC_CLI_TRANSACTION_FAILED', `cc dev refused the request: ${body.error ?? response.statusText}`);
  }
  ctx.stdout.write(
    renderResult({
      kind: body.kind ?? options.kind,
      fcn: body.fcn ?? options.fcn,
      txId: body.txId ?? '',
      status: body.status,
      message: body.message ?? '',
      payload: Buffer.from(body.payload ?? '', 'base64'),
      committed: body.committed === true,
      event:
        body.event === undefined
          ? undefined
          : { name: body.event.name, payload: Buffer.from(body.event.payload, 'base64') },
    }),
  );
  if (body.status >= 400) {
    throw new CliError(
      'CC_CLI_TRANSACTION_FAILED',
      `${options.fcn} failed with status ${body.status}: ${body.message ?? ''}`,
    );
  }
}
