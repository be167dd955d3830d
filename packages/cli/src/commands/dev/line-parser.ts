import { CliError } from '../../errors/cli-error';

/**
 * Split a prompt line into words like a shell: whitespace separates, '…' keeps everything literal,
 * "…" allows \" and \\, and a backslash outside quotes escapes the next character. So JSON
 * arguments can be typed as '{"id":"a1"}'.
 */
export function splitWords(line: string): string[] {
  const words: string[] = [];
  let current = '';
  let inWord = false;
  let quote: "'" | '"' | undefined;
  for (let i = 0; i < line.length; i++) {
    const ch = line.charAt(i);
    if (quote === "'") {
      if (ch === "'") quote = undefined;
      else current += ch;
    } else if (quote === '"') {
      if (ch === '"') quote = undefined;
      else if (ch === '\\' && (line[i + 1] === '"' || line[i + 1] === '\\')) current += line.charAt(++i);
      else current += ch;
    } else if (ch === "'" || ch === '"') {
      quote = ch;
      inWord = true;
    } else if (ch === '\\' && i + 1 < line.length) {
      current += line.charAt(++i);
      inWord = true;
    } else if (/\s/.test(ch)) {
      if (inWord) words.push(current);
      current = '';
      inWord = false;
    } else {
      current += ch;
      inWord = true;
    }
  }
  if (quote !== undefined) throw new CliError('CC_CLI_INVALID_ARGUMENT', `unclosed ${quote} quote`);
  if (inWord) words.push(current);
  return words;
}
