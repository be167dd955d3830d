/**
 * Parameter names of a function, read from its source text (`Function.prototype.toString`), for
 * methods whose parameter names are not given by `@Param`. Handles comments, strings, template
 * literals, default values, rest parameters and destructuring patterns (named by their text).
 */
export function parameterNames(fn: (...args: never[]) => unknown): string[] {
  const source = Function.prototype.toString.call(fn);
  const list = parameterListText(source);
  if (list === undefined) return [];
  return splitTopLevel(list)
    .map(cleanParameter)
    .filter((p) => p !== '');
}

/** The text between the parentheses of the parameter list (or a bare arrow parameter). */
function parameterListText(source: string): string | undefined {
  const open = findParameterListStart(source);
  if (open === undefined) {
    const arrow = /^\s*(?:async\s+)?([A-Za-z_$][\w$]*)\s*=>/.exec(source);
    return arrow?.[1];
  }
  let depth = 0;
  for (let i = open; i < source.length; i = skipNonCode(source, i) + 1) {
    const c = source[i];
    if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') {
      depth--;
      if (depth === 0) return source.slice(open + 1, i);
    }
  }
  return undefined;
}

/** Index of the `(` opening the parameter list, skipping comments, strings and computed names. */
function findParameterListStart(source: string): number | undefined {
  let bracket = 0;
  for (let i = 0; i < source.length; i = skipNonCode(source, i) + 1) {
    const c = source[i];
    if (c === '[') bracket++;
    else if (c === ']') bracket--;
    else if (c === '(' && bracket === 0) return i;
    else if ((c === '{' || c === '=') && bracket === 0) return undefined;
  }
  return undefined;
}

/** When `i` starts a comment, string or template literal, the index of its last character; else `i`. */
function skipNonCode(s: string, i: number): number {
  const c = s[i];
  const next = s[i + 1];
  if (c === '/' && next === '/') {
    const end = s.indexOf('\n', i);
    return end === -1 ? s.length : end;
  }
  if (c === '/' && next === '*') {
    const end = s.indexOf('*/', i + 2);
    return end === -1 ? s.length : end + 1;
  }
  if (c === '"' || c === "'" || c === '`') {
    for (let j = i + 1; j < s.length; j++) {
      if (s[j] === '\\') j++;
      else if (s[j] === c) return j;
    }
    return s.length;
  }
  return i;
}

/** Split at commas that are not nested in brackets, strings or comments. */
function splitTopLevel(list: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < list.length; i = skipNonCode(list, i) + 1) {
    const c = list[i];
    if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') depth--;
    else if (c === ',' && depth === 0) {
      parts.push(list.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(list.slice(start));
  return parts;
}

/** Drop comments, the default value and a rest `...`. */
function cleanParameter(raw: string): string {
  let text = '';
  for (let i = 0; i < raw.length; i++) {
    const end = skipNonCode(raw, i);
    const c = raw[i] ?? '';
    if (end !== i && c === '/') {
      i = end;
      continue;
    }
    if (end !== i) {
      text += raw.slice(i, end + 1);
      i = end;
      continue;
    }
    text += c;
  }
  const eq = topLevelEquals(text);
  const name = (eq === -1 ? text : text.slice(0, eq)).trim();
  return name.startsWith('...') ? name.slice(3).trim() : name;
}

function topLevelEquals(text: string): number {
  let depth = 0;
  for (let i = 0; i < text.length; i = skipNonCode(text, i) + 1) {
    const c = text[i];
    if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') depth--;
    else if (c === '=' && depth === 0 && text[i + 1] !== '>') return i;
  }
  return -1;
}
