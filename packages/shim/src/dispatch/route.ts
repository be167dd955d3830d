/** Which contract and function `args[0]` names. */
export interface Route {
  readonly contractName: string;
  readonly functionName: string;
}

/**
 * Split `contract:function` at the FIRST colon, with the official's exact semantics: `a:b:c` is
 * contract `a`, function `b:c`; `a:` is function `""`; no colon, or a blank prefix, means the
 * default contract. (As with the official pattern, the function ends at the first line break.)
 */
export function splitFunctionName(text: string, defaultContract: string): Route {
  const m = /([^:]*)(?::|^)(.*)/.exec(text);
  const contractName = m?.[1] ?? '';
  const functionName = m?.[2] ?? '';
  return { contractName: contractName.trim() === '' ? defaultContract : contractName, functionName };
}
