import { DevPeerError } from '../errors/dev-peer-error';
import type { MspRole, PolicyRule, Principal, SignaturePolicy } from './signature-policy';

/**
 * Fabric's signature policy syntax, parsed as `common/policydsl/policyparser.go` (FromString) does:
 * gates `AND`/`OR`/`OutOf` (also `And`/`and`, `Or`/`or`, `outof`/`OUTOF`), principals `'MSP.role'`
 * with role admin | member | client | peer | orderer (the MSP ID is everything before the last
 * dot: `[[:alnum:].-]+`). `AND(a, b)` is `OutOf(2, a, b)`, `OR(...)` is `OutOf(1, ...)`;
 * `OutOf(t, ...)` accepts 0 ≤ t ≤ n+1 (t = n+1: never satisfied). Principals get identity
 * indexes nested gates first (govaluate evaluates arguments before the gate numbers its own).
 * FromString re-reads a quoted argument that is not a principal as an expression, so `'Bmember'`
 * fails as the token `Bmember` and `'true'` as a boolean; errors carry Fabric's texts.
 */
export function parseSignaturePolicy(text: string): SignaturePolicy {
  const identities: Principal[] = [];
  const rule = topLevel(parseExpressionText(text, text), text, identities);
  return { version: 0, rule, identities };
}

type Expr =
  | { readonly kind: 'call'; readonly name: string; readonly args: readonly Expr[] }
  | { readonly kind: 'ident'; readonly name: string }
  | { readonly kind: 'string'; readonly value: string }
  | { readonly kind: 'number'; readonly value: number }
  | { readonly kind: 'bool'; readonly value: boolean };

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
      let value = '';
      let j = i + 1;
      for (; j < text.length && text[j] !== c; j++) {
        if (text[j] === '\\' && j + 1 < text.length) j++;
        value += text[j] as string;
      }
      if (j >= text.length) throw policyError(`Unclosed string literal in policy '${text}'`);
      tokens.push({ type: 'string', text: value });
      i = j + 1;
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

/** Parse `source` as one expression; `policy` is the whole policy text, for messages. */
function parseExpressionText(source: string, policy: string): Expr {
  const tokens = tokenize(source);
  if (tokens.length === 0) throw policyError('Unexpected end of expression');
  const parser = new Parser(tokens, policy);
  const expr = parser.parseExpression();
  parser.expectEnd();
  return expr;
}

class Parser {
  private position = 0;
  private depth = 0;

  constructor(
    private readonly tokens: readonly Token[],
    private readonly policy: string,
  ) {}

  parseExpression(): Expr {
    const token = this.tokens[this.position++];
    if (token === undefined) throw policyError('Unexpected end of expression');
    switch (token.type) {
      case 'string':
        return { kind: 'string', value: token.text };
      case 'number':
        return { kind: 'number', value: token.value };
      case 'ident':
        if (token.text === 'true' || token.text === 'false') return { kind: 'bool', value: token.text === 'true' };
        return this.tokens[this.position]?.type === '('
          ? this.parseCall(token.text)
          : { kind: 'ident', name: token.text };
      default:
        throw policyError(`invalid policy string '${this.policy}'`);
    }
  }

  expectEnd(): void {
    if (this.position < this.tokens.length) throw policyError(`invalid policy string '${this.policy}'`);
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
        if (next?.type !== ',') throw policyError(`invalid policy string '${this.policy}'`);
      }
    }
    this.depth--;
    return { kind: 'call', name, args };
  }
}

function topLevel(expr: Expr, policy: string, identities: Principal[]): PolicyRule {
  switch (expr.kind) {
    case 'call':
      return toRule(expr, policy, identities);
    case 'ident':
      throw unrecognized(expr.name);
    case 'string':
      // The string's content is evaluated again as the policy.
      return topLevel(parseExpressionText(expr.value, policy), policy, identities);
    default:
      throw policyError(`invalid policy string '${policy}'`);
  }
}

function threshold(first: Expr | undefined, policy: string): number {
  if (first === undefined) return 0;
  switch (first.kind) {
    case 'number':
      return Math.trunc(first.value);
    case 'bool':
      throw policyError('unexpected type bool');
    case 'ident':
      throw unrecognized(first.name);
    case 'call':
      throw policyError('unrecognized type, expected a number, got string');
    case 'string': {
      if (/^-?[0-9]+(\.[0-9]+)?$/.test(first.value.trim())) return Math.trunc(Number(first.value));
      const inner = parseExpressionText(first.value, policy);
      if (inner.kind === 'string' || inner.kind === 'call') {
        throw policyError('unrecognized type, expected a number, got string');
      }
      return threshold(inner, policy);
    }
  }
}

function toRule(expr: Extract<Expr, { kind: 'call' }>, policy: string, identities: Principal[]): PolicyRule {
  const gate = GATES[expr.name];
  if (gate === undefined) throw unrecognized(expr.name);
  const given = gate === 'outof' ? expr.args.length : expr.args.length + 1;
  if (given < 2) throw policyError(`expected at least two arguments to NOutOf. Given ${String(given)}`);
  const rest = gate === 'outof' ? expr.args.slice(1) : expr.args;
  const t = gate === 'and' ? rest.length : gate === 'or' ? 1 : threshold(expr.args[0], policy);
  // govaluate evaluates nested gates (as arguments) before the gate itself numbers its own
  // principals, so nested principals get the lower identity indexes.
  const rules: (PolicyRule | undefined)[] = rest.map((arg) =>
    arg.kind === 'call' ? toRule(arg, policy, identities) : undefined,
  );
  rest.forEach((arg, i) => {
    if (arg.kind !== 'call') rules[i] = leafRule(arg, policy, identities);
  });
  if (t < 0 || t > rest.length + 1) {
    throw policyError(`invalid t-out-of-n predicate, t ${String(t)}, n ${String(rest.length)}`);
  }
  return { nOutOf: { n: t, rules: rules as PolicyRule[] } };
}

function leafRule(arg: Expr, policy: string, identities: Principal[]): PolicyRule {
  switch (arg.kind) {
    case 'call':
      return toRule(arg, policy, identities);
    case 'string': {
      const match = PRINCIPAL.exec(arg.value);
      if (match !== null) {
        identities.push({ kind: 'role', mspId: match[1] as string, role: match[3] as MspRole });
        return { signedBy: identities.length - 1 };
      }
      const inner = parseExpressionText(arg.value, policy);
      if (inner.kind === 'number')
        throw policyError('unrecognized type, expected a principal or a policy, got float64');
      return leafRule(inner, policy, identities);
    }
    case 'ident':
      throw unrecognized(arg.name);
    case 'bool':
      throw policyError('unexpected type bool');
    case 'number':
      throw policyError('unexpected type float64');
  }
}
