import { errorMessage } from '@chaincode/contract-api/internal';
import type { TextSink } from '../../context';
import { CliError } from '../../errors/cli-error';
import { parseChaincodeInput } from './chaincode-input';
import type { DevSession } from './dev-session';
import type { NamedIdentity } from './identities';
import { splitWords } from './line-parser';
import { compactPayload, renderPayload, renderResult } from './render-result';
import { selectKeys, showKey } from './state-keys';
import { describeTransaction } from './transactions';

export interface LineOutcome {
  /** False when the line failed and was not marked `!` (expected to fail). */
  readonly ok: boolean;
  readonly quit?: boolean;
}

export interface LineContext {
  readonly session: DevSession;
  readonly out: TextSink;
  /** Echo each transaction (`> ...`): for scripts and piped input (a terminal shows what was typed). */
  readonly echo: boolean;
}

export const DEV_HELP = `Commands:
  <Transaction> [args...]             run it, as submit or evaluate per its metadata
  submit <Transaction> [args...]      run and commit (alias: invoke)
  evaluate <Transaction> [args...]    run without committing (alias: query)
  {"Args":["Fn","a1"]}                the peer CLI's forms, also {"function":"Fn","Args":["a1"]}
  submit -c '{"Args":[...]}'          and -c '<json>' after submit / evaluate
  list                                the contract's transactions
  state [key|prefix*|from..to|Type(a, *)] [collection]
                                      committed keys and values (composite keys as Type(a, b))
  history <key|Type(a, b)>            the key's committed history, newest first
  as [name[@MSP] [attr=value...]] [command]
                                      switch identity (e.g. as bob@Org2MSP), or run one command as it
  help | exit
Quote arguments with spaces or JSON: '{"id":"a1"}'. Transient data: -t key=value (repeatable).
A leading ! expects the line to fail. Ctrl-C cancels a running transaction; twice exits.
`;

/** Run one line of `chaincode dev` (typed at the prompt, read from a script or stdin). */
export async function runDevLine(ctx: LineContext, line: string, identity?: NamedIdentity): Promise<LineOutcome> {
  let text = line.trim();
  if (text === '') return { ok: true };
  if (text.startsWith('#')) {
    if (ctx.echo) ctx.out.write(`${text}\n`);
    return { ok: true };
  }
  const expectFailure = text.startsWith('!');
  if (expectFailure) text = text.slice(1).trim();
  try {
    return await runWords(ctx, text, expectFailure, identity);
  } catch (err) {
    ctx.out.write(`error: ${errorMessage(err)}\n`);
    return { ok: expectFailure };
  }
}

async function runWords(
  ctx: LineContext,
  text: string,
  expectFailure: boolean,
  identity: NamedIdentity | undefined,
): Promise<LineOutcome> {
  // the peer CLI's JSON typed as is (unquoted): taken whole, not split into words
  const json = /^(?:(submit|invoke|evaluate|query)\s+)?(?:-c\s+)?(\{.*\})$/s.exec(text);
  if (json !== null) {
    const verb = json[1];
    const kind = verb === undefined ? undefined : verb === 'submit' || verb === 'invoke' ? 'submit' : 'evaluate';
    return runTransaction(ctx, kind, ['-c', json[2] ?? ''], expectFailure, identity);
  }
  const words = splitWords(text);
  const [verb = '', ...rest] = words;
  switch (verb) {
    case 'help':
    case '?':
      ctx.out.write(DEV_HELP);
      return { ok: true };
    case 'exit':
    case 'quit':
    case '.exit':
      return { ok: true, quit: true };
    case 'list':
    case 'ls':
      ctx.out.write(listing(ctx.session));
      return { ok: true };
    case 'state':
      return showState(ctx, joinParentheses(rest));
    case 'history':
      return showHistory(ctx, joinParentheses(rest));
    case 'as':
      return runAs(ctx, rest, expectFailure);
    default:
      return runTransactionWords(ctx, words, expectFailure, identity);
  }
}

/** `submit|evaluate ...`, `-c '<json>'` or a transaction's name. */
async function runTransactionWords(
  ctx: LineContext,
  words: readonly string[],
  expectFailure: boolean,
  identity: NamedIdentity | undefined,
): Promise<LineOutcome> {
  const [verb = '', ...rest] = words;
  switch (verb) {
    case 'submit':
    case 'invoke':
      return runTransaction(ctx, 'submit', rest, expectFailure, identity);
    case 'evaluate':
    case 'query':
      return runTransaction(ctx, 'evaluate', rest, expectFailure, identity);
    case '-c':
      return runTransaction(ctx, undefined, words, expectFailure, identity);
    default:
      if (
        !ctx.session.transactions.some((t) => t.fcn === verb || t.name === verb || `${t.contract}:${t.name}` === verb)
      ) {
        ctx.out.write(`unknown command or transaction "${verb}" (type help or list)\n`);
        return { ok: expectFailure };
      }
      return runTransaction(ctx, undefined, words, expectFailure, identity);
  }
}

/** A transaction's words: `Fn args...` or `-c '<json>'`, with `-t key=value` anywhere. */
export function transactionWords(words: readonly string[]): {
  fcn: string;
  args: string[];
  transient: Record<string, string>;
} {
  const { transient, args: rest } = takeTransient(words);
  if (rest[0] === '-c') {
    if (rest[1] === undefined) throw new CliError('CC_CLI_INVALID_ARGUMENT', '-c needs the JSON of the call');
    if (rest.length > 2)
      throw new CliError('CC_CLI_INVALID_ARGUMENT', `-c takes one JSON argument; extra: ${rest.slice(2).join(' ')}`);
    const input = parseChaincodeInput(rest[1]);
    return { fcn: input.fcn, args: [...input.args], transient };
  }
  const [fcn = '', ...args] = rest;
  if (fcn === '') throw new CliError('CC_CLI_INVALID_ARGUMENT', 'name the transaction (type list)');
  return { fcn, args, transient };
}

async function runTransaction(
  ctx: LineContext,
  kind: 'submit' | 'evaluate' | undefined,
  words: readonly string[],
  expectFailure: boolean,
  identity: NamedIdentity | undefined,
): Promise<LineOutcome> {
  const { fcn, args, transient } = transactionWords(words);
  if (ctx.echo) {
    const shown = [kind, fcn, ...args]
      .filter((w) => w !== undefined)
      .map(quoteIfNeeded)
      .join(' ');
    ctx.out.write(`> ${shown}${identity === undefined ? '' : `  (as ${identity.label})`}\n`);
  }
  for (const key of Object.keys(transient))
    ctx.out.write(`  (transient ${key}: ${transient[key]?.length ?? 0} bytes)\n`);
  const result = await ctx.session.run(kind, { fcn, args, transient }, identity === undefined ? {} : { identity });
  ctx.out.write(renderResult(result, { showIdentity: identity !== undefined }));
  const failed = result.status >= 400;
  if (expectFailure) {
    ctx.out.write(failed ? '  (failed, as expected)\n' : '  (expected this to fail, but it succeeded)\n');
    return { ok: failed };
  }
  return { ok: !failed };
}

async function runAs(ctx: LineContext, words: readonly string[], expectFailure: boolean): Promise<LineOutcome> {
  const [spec, ...rest] = words;
  if (spec === undefined) {
    ctx.out.write(`running as ${ctx.session.identity.label}\n`);
    return { ok: true };
  }
  const attributes: Record<string, string> = {};
  let i = 0;
  for (; i < rest.length; i++) {
    const pair = /^([^=\s]+)=(.*)$/s.exec(rest[i] ?? '');
    if (pair === null) break;
    attributes[pair[1] ?? ''] = pair[2] ?? '';
  }
  const identity = ctx.session.identities.resolve(spec, attributes);
  const command = rest.slice(i);
  if (command.length === 0) {
    ctx.session.identity = identity;
    ctx.out.write(`now running as ${identity.label}\n`);
    return { ok: true };
  }
  const line = command.map(quoteIfNeeded).join(' ');
  return runDevLine(ctx, expectFailure ? `!${line}` : line, identity);
}

function showState(ctx: LineContext, words: readonly string[]): LineOutcome {
  const { collection, rest } = takeCollection(words);
  const [pattern, second] = rest;
  const where = collection ?? second;
  const selection = selectKeys(pattern);
  const entries = ctx.session.state(selection, where);
  const prefix = where === undefined ? '' : `${where}/`;
  if (selection.kind === 'key') {
    const entry = entries[0];
    ctx.out.write(
      `${prefix}${showKey(selection.key)}: ${entry === undefined ? '(not set)' : renderPayload(entry.value)}\n`,
    );
    return { ok: true };
  }
  if (entries.length === 0) ctx.out.write(`(no keys${where === undefined ? '' : ` in ${where}`})\n`);
  for (const entry of entries) ctx.out.write(`${prefix}${showKey(entry.key)}: ${clip(compactPayload(entry.value))}\n`);
  return { ok: true };
}

function showHistory(ctx: LineContext, words: readonly string[]): LineOutcome {
  const selection = selectKeys(words[0]);
  if (selection.kind !== 'key') {
    ctx.out.write('usage: history <key> (one key, or a composite key Type(a, b))\n');
    return { ok: false };
  }
  const records = ctx.session.history(selection.key);
  ctx.out.write(`History of ${showKey(selection.key)}, newest first:\n`);
  if (records.length === 0) ctx.out.write('  (never written)\n');
  for (const r of records) {
    const time = new Date(r.timestamp.seconds * 1000 + Math.floor(r.timestamp.nanos / 1e6)).toISOString();
    ctx.out.write(`  ${time}  tx ${r.txId.slice(0, 8)}  ${r.isDelete ? '(deleted)' : clip(compactPayload(r.value))}\n`);
  }
  return { ok: true };
}

/** `owner~id(ann,` `*)` typed with a space is one composite key: join the words of a parenthesis. */
function joinParentheses(words: readonly string[]): string[] {
  const out: string[] = [];
  let open: string | undefined;
  for (const word of words) {
    if (open !== undefined) {
      open += ` ${word}`;
      if (word.endsWith(')')) {
        out.push(open);
        open = undefined;
      }
    } else if (/^[^\s(]+\(/.test(word) && !word.endsWith(')')) {
      open = word;
    } else {
      out.push(word);
    }
  }
  if (open !== undefined) out.push(open);
  return out;
}

function takeCollection(words: readonly string[]): { collection: string | undefined; rest: string[] } {
  const rest: string[] = [];
  let collection: string | undefined;
  for (let i = 0; i < words.length; i++) {
    const word = words[i] ?? '';
    if (word === '-C' || word === '--collection') collection = words[++i];
    else rest.push(word);
  }
  return { collection, rest };
}

/**
 * Pull `-t key=value` / `--transient key=value` pairs out of the arguments: transient data the
 * transaction sees through getTransient() and that never reaches the ledger.
 */
export function takeTransient(words: readonly string[]): { transient: Record<string, string>; args: string[] } {
  const transient: Record<string, string> = {};
  const args: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const word = words[i] ?? '';
    if (word !== '-t' && word !== '--transient') {
      args.push(word);
      continue;
    }
    const pair = words[++i];
    const eq = pair?.indexOf('=') ?? -1;
    if (pair === undefined || eq <= 0) throw new CliError('CC_CLI_INVALID_ARGUMENT', `${word} needs key=value`);
    transient[pair.slice(0, eq)] = pair.slice(eq + 1);
  }
  return { transient, args };
}

function listing(session: DevSession): string {
  const lines = [`Transactions of ${session.name}:`];
  for (const t of session.transactions) lines.push(`  ${describeTransaction(t)}`);
  if (session.transactions.length === 0) lines.push('  (none found in the metadata)');
  return lines.join('\n') + '\n';
}

function clip(text: string): string {
  return text.length > 200 ? `${text.slice(0, 199)}…` : text;
}

function quoteIfNeeded(word: string): string {
  return word === '' || /[\s'"\\]/.test(word) ? `'${word.replace(/'/g, "'\\''")}'` : word;
}
