import { DevPeerError } from '../errors/dev-peer-error';
import type { MspRole, PolicyRule, Principal, SignaturePolicy } from './signature-policy';

/**
 * Fabric's signature policy syntax, parsed as `common/policydsl/policyparser.go` (FromString) does:
 * gates `AND`/`OR`/`OutOf` (also `And`/`and`, `Or`/`or`, `outof`/`OUTOF`), principals `'MSP.role'`
 * with role admin | member | client | peer | orderer (the MSP ID is everything before the last
 * dot: `[[:alnum:].-]+`). `AND(a, b)` is `OutOf(2, a, b)`, `OR(...)` is `OutOf(1, ...)`. Every
 * principal gets its own identity index, in the order written. Errors carry Fabric's texts.
 */
export function parseSignaturePolicy(text: string): SignaturePolicy {
  const identities: Principal[] = [];
  const tokens = tokenize(text);
  const parser = new Parser(tokens, text);
  const expr = parser.parseExpression();
  parser.expectEnd();
  if (expr.kind === 'number') throw policyError(`invalid policy string '${text}'`);
  if (expr.kind !== 'call') throw unrecognized(expr.kind === 'string' ? expr.value : expr.name);
  const rule = toRule(expr, identities);
  return { version: 0, rule, identities };
}

type Expr =
  | { readonly kind: 'call'; readonly name: string; readonly args: readonly Expr[] }
  | { readonly kind: 'ident'; readonly name: string }
  | { readonly kind: 'string'; readonly value: string }
  | { readonly kind: 'number'; readonly value: number };

type Token =
  | { readonly type: 'ident'; readonly text: string }
  | { readonly type: 'string'; readonly text: string }
  | { readonly type: 'number'; readonly value: number }
  | { readonly type: '(' | ')' | ',' };

const PRINCIPAL = /^([A-Za-z0-9.-]+)(\.)(admin|member|client|peer|orderer)$/;
const GATES: Readonly<Record<string, 'and' | 'or' | 'outof'>> = {
  AND: 'and',
  And: 'and',
  and: 'and',
  OR: 'or',
  Or: 'or',
  or: 'or',
  OutOf: 'outof',
  outof: 'outof',
  OUTOF: 'outof',
};
const MAX_DEPTH = 100;

function policyError(message: string): DevPeerError {
  return new DevPeerError('CC_DEVPEER_INVALID_POLICY', message);
}

function unrecognized(token: string): DevPeerError {
  return policyError(`unrecognized token '${token}' in policy string`);
}

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i] as string;
    if (/\s/.test(c)) {
      i++;
    } else if (c === '(' || c === ')' || c === ',') {
      tokens.push({ type: c });
      i++;
    } else if (c === "'" || c === '"') {
      const end = text.indexOf(c, i + 1);
      if (end < 0) throw policyError(`Unclosed string literal in policy '${text}'`);
      tokens.push({ type: 'string', text: text.slice(i + 1, end) });
      i = end + 1;
    } else if (/[0-9]/.test(c) || (c === '-' && /[0-9]/.test(text[i + 1] ?? ''))) {
      const match = /^-?[0-9]+(\.[0-9]+)?/.exec(text.slice(i)) as RegExpExecArray;
      tokens.push({ type: 'number', value: Number(match[0]) });
      i += match[0].length;
    } else if (/[A-Za-z_]/.test(c)) {
      const match = /^[A-Za-z_][A-Za-z0-9_.-]*/.exec(text.slice(i)) as RegExpExecArray;
      tokens.push({ type: 'ident', text: match[0] });
      i += match[0].length;
    } else {
      throw policyError(`Invalid token: '${c}' in policy '${text}'`);
    }
  }
  return tokens;
}

class Parser {
  private position = 0;
  private depth = 0;

  constructor(
    private readonly tokens: readonly Token[],
    private readonly text: string,
  ) {}

  parseExpression(): Expr {
    const token = this.tokens[this.position++];
    if (token === undefined) throw policyError(`invalid policy string '${this.text}'`);
    switch (token.type) {
      case 'string':
        return { kind: 'string', value: token.text };
      case 'number':
        return { kind: 'number', value: token.value };
      case 'ident':
        return this.tokens[this.position]?.type === '('
          ? this.parseCall(token.text)
          : { kind: 'ident', name: token.text };
      default:
        throw policyError(`invalid policy string '${this.text}'`);
    }
  }

  expectEnd(): void {
    if (this.position < this.tokens.length) throw policyError(`invalid policy string '${this.text}'`);
  }

  private parseCall(name: string): Expr {
    if (++this.depth > MAX_DEPTH) throw policyError(`policy nested more than ${String(MAX_DEPTH)} levels deep`);
    this.position++; // '('
    const args: Expr[] = [];
    if (this.tokens[this.position]?.type === ')') {
      this.position++;
    } else {
      for (;;) {
        args.push(this.parseExpression());
        const next = this.tokens[this.position++];
        if (next?.type === ')') break;
        if (next?.type !== ',') throw policyError(`invalid policy string '${this.text}'`);
      }
    }
    this.depth--;
    return { kind: 'call', name, args };
  }
}

function threshold(gate: 'and' | 'or' | 'outof', args: readonly Expr[]): { t: number; rest: readonly Expr[] } {
  if (gate === 'and') return { t: args.length, rest: args };
  if (gate === 'or') return { t: 1, rest: args };
  const [first, ...rest] = args;
  if (first === undefined) return { t: 0, rest };
  if (first.kind === 'number') return { t: Math.trunc(first.value), rest };
  if (first.kind === 'string' && /^-?[0-9]+$/.test(first.value)) return { t: Number(first.value), rest };
  if (first.kind === 'string') throw unrecognized(first.value);
  throw policyError(`unexpected type ${first.kind === 'call' ? 'string' : 'parameter'}`);
}

function toRule(expr: Expr, identities: Principal[]): PolicyRule {
  if (expr.kind !== 'call') throw unrecognized(expr.kind === 'string' ? expr.value : expr.kind);
  const gate = GATES[expr.name];
  if (gate === undefined) throw unrecognized(expr.name);
  const given = gate === 'outof' ? expr.args.length : expr.args.length + 1;
  if (given < 2) throw policyError(`expected at least two arguments to NOutOf. Given ${String(given)}`);
  const { t, rest } = threshold(gate, expr.args);
  // govaluate evaluates nested gates (as arguments) before the gate itself numbers its own
  // principals, so nested principals get the lower identity indexes.
  const rules: (PolicyRule | undefined)[] = rest.map((arg) =>
    arg.kind === 'call' ? toRule(arg, identities) : undefined,
  );
  rest.forEach((arg, i) => {
    if (arg.kind !== 'call') rules[i] = leafRule(arg, identities);
  });
  if (t < 0 || t > rest.length + 1) {
    throw policyError(`invalid t-out-of-n predicate, t ${String(t)}, n ${String(rest.length)}`);
  }
  return { nOutOf: { n: t, rules: rules as PolicyRule[] } };
}

function leafRule(arg: Exclude<Expr, { kind: 'call' }>, identities: Principal[]): PolicyRule {
  switch (arg.kind) {
    case 'string': {
      const match = PRINCIPAL.exec(arg.value);
      if (match === null) throw unrecognized(arg.value);
      identities.push({ kind: 'role', mspId: match[1] as string, role: match[3] as MspRole });
      return { signedBy: identities.length - 1 };
    }
    case 'ident':
      throw unrecognized(arg.name);
    case 'number':
      throw policyError('unexpected type float64');
  }
}
