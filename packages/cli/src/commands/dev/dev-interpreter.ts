import type { TextSink } from '../../context';
import type { DevSession } from './dev-session';
import { splitWords } from './line-parser';
import { renderPayload, renderResult } from './render-result';
import { describeTransaction } from './transactions';

export interface LineOutcome {
  /** False when the line failed and was not marked `!` (expected to fail). */
  readonly ok: boolean;
  readonly quit?: boolean;
}

export const DEV_HELP = `Commands:
  <Transaction> [args...]            run it, as submit or evaluate per its metadata
  submit <Transaction> [args...]     run and commit (alias: invoke)
  evaluate <Transaction> [args...]   run without committing (alias: query)
  list                               the contract's transactions
  state <key> [collection]           the committed value of a key (public or private)
  help | exit
Quote arguments with spaces or JSON: '{"id":"a1"}'. Transient data: -t key=value (repeatable).
A leading ! expects the line to fail.
`;

/** Run one line of `cc dev` (typed at the prompt, read from a script or stdin). */
export async function runDevLine(session: DevSession, line: string, out: TextSink): Promise<LineOutcome> {
  let text = line.trim();
  if (text === '') return { ok: true };
  if (text.startsWith('#')) {
    out.write(`${text}\n`);
    return { ok: true };
  }
  const expectFailure = text.startsWith('!');
  if (expectFailure) text = text.slice(1).trim();
  let words: string[];
  try {
    words = splitWords(text);
  } catch (err) {
    out.write(`error: ${(err as Error).message}\n`);
    return { ok: false };
  }
  const [verb = '', ...rest] = words;
  switch (verb) {
    case 'help':
    case '?':
      out.write(DEV_HELP);
      return { ok: true };
    case 'exit':
    case 'quit':
    case '.exit':
      return { ok: true, quit: true };
    case 'list':
    case 'ls':
      out.write(listing(session));
      return { ok: true };
    case 'state': {
      const [key, collection] = rest;
      if (key === undefined) {
        out.write('usage: state <key> [collection]\n');
        return { ok: false };
      }
      const value = session.state(key, collection);
      const where = collection === undefined ? key : `${collection}/${key}`;
      out.write(value === undefined ? `${where}: (not set)\n` : `${where}: ${renderPayload(value)}\n`);
      return { ok: true };
    }
    default:
      return runTransactionLine(session, verb, rest, expectFailure, out);
  }
}

async function runTransactionLine(
  session: DevSession,
  verb: string,
  rest: string[],
  expectFailure: boolean,
  out: TextSink,
): Promise<LineOutcome> {
  let kind: 'submit' | 'evaluate' | undefined;
  let fcn = verb;
  let args = rest;
  if (verb === 'submit' || verb === 'invoke' || verb === 'evaluate' || verb === 'query') {
    kind = verb === 'submit' || verb === 'invoke' ? 'submit' : 'evaluate';
    fcn = rest[0] ?? '';
    args = rest.slice(1);
    if (fcn === '') {
      out.write(`usage: ${verb} <Transaction> [args...]\n`);
      return { ok: false };
    }
  } else if (
    !session.transactions.some((t) => t.fcn === verb || t.name === verb || `${t.contract}:${t.name}` === verb)
  ) {
    out.write(`unknown command or transaction "${verb}" (type help or list)\n`);
    return { ok: expectFailure };
  }
  let transient: Record<string, string>;
  try {
    ({ transient, args } = takeTransient(args));
  } catch (err) {
    out.write(`error: ${(err as Error).message}\n`);
    return { ok: false };
  }
  out.write(`> ${kind ?? ''}${kind === undefined ? '' : ' '}${[fcn, ...args].map(quoteIfNeeded).join(' ')}\n`);
  for (const key of Object.keys(transient)) out.write(`  (transient ${key}: ${transient[key]?.length ?? 0} bytes)\n`);
  const result = await session.run(kind, fcn, args, transient);
  out.write(renderResult(result));
  const failed = result.status >= 400;
  if (expectFailure) {
    out.write(failed ? '  (failed, as expected)\n' : '  (expected this to fail, but it succeeded)\n');
    return { ok: failed };
  }
  return { ok: !failed };
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
    if (pair === undefined || eq <= 0) throw new Error(`${word} needs key=value`);
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

function quoteIfNeeded(word: string): string {
  return word === '' || /[\s'"\\]/.test(word) ? `'${word.replace(/'/g, "'\\''")}'` : word;
}
