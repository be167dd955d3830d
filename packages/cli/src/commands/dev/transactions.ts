/**
 * The transactions a contract module offers, read from its metadata (the contract metadata JSON
 * schema: contracts → transactions → parameters, tag SUBMIT/submitTx or EVALUATE/evaluateTx).
 */
export interface TransactionInfo {
  /** What to send as the function name: `Contract:Name`, or `Name` for the default contract. */
  readonly fcn: string;
  readonly contract: string;
  readonly name: string;
  readonly kind: 'submit' | 'evaluate';
  readonly parameters: readonly { readonly name: string; readonly type: string }[];
  readonly returns?: string;
}

interface SchemaLike {
  type?: unknown;
  $ref?: unknown;
  format?: unknown;
  items?: unknown;
}

export function listTransactions(metadata: unknown): TransactionInfo[] {
  const contracts = record(record(metadata).contracts);
  const names = Object.keys(contracts).filter((n) => !n.startsWith('org.hyperledger.fabric'));
  const out: TransactionInfo[] = [];
  names.forEach((contract, index) => {
    const transactions = record(contracts[contract]).transactions;
    if (!Array.isArray(transactions)) return;
    for (const tx of transactions as unknown[]) {
      const t = record(tx);
      if (typeof t.name !== 'string') continue;
      const tags = Array.isArray(t.tag) ? (t.tag as unknown[]).map(String) : [];
      const evaluate = tags.some((tag) => tag === 'EVALUATE' || tag === 'evaluateTx');
      const parameters = Array.isArray(t.parameters)
        ? (t.parameters as unknown[]).map((p) => {
            const param = record(p);
            return { name: typeof param.name === 'string' ? param.name : '?', type: typeName(param.schema) };
          })
        : [];
      // generated metadata lists returns as [{name, schema}]; a metadata file gives the schema itself
      const returns = Array.isArray(t.returns)
        ? typeName(record((t.returns as unknown[])[0]).schema)
        : t.returns !== undefined
          ? typeName(t.returns)
          : undefined;
      out.push({
        fcn: index === 0 ? t.name : `${contract}:${t.name}`,
        contract,
        name: t.name,
        kind: evaluate ? 'evaluate' : 'submit',
        parameters,
        returns,
      });
    }
  });
  return out;
}

/** Find a transaction by `Name` or `Contract:Name`. */
export function findTransaction(list: readonly TransactionInfo[], name: string): TransactionInfo | undefined {
  return list.find((t) => t.fcn === name || `${t.contract}:${t.name}` === name) ?? list.find((t) => t.name === name);
}

/** `CreateAsset(id: string, size: number) → Asset  [submit]` */
export function describeTransaction(t: TransactionInfo): string {
  const params = t.parameters.map((p) => `${p.name}: ${p.type}`).join(', ');
  const returns = t.returns === undefined ? '' : ` → ${t.returns}`;
  return `${t.fcn}(${params})${returns}  [${t.kind}]`;
}

function typeName(schema: unknown): string {
  const s = record(schema) as SchemaLike;
  if (typeof s.$ref === 'string') return s.$ref.replace(/^#\/components\/schemas\//, '');
  if (s.type === 'array') return `${typeName(s.items)}[]`;
  if (typeof s.type === 'string') return s.type;
  return 'any';
}

function record(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
}
