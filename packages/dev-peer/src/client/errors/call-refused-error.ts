import { ContractClientError, type ContractClientErrorOptions } from './contract-client-error';

/** Why the client refused a call before sending it. */
export type CallRefusedCode =
  | 'CC_DEVPEER_CLIENT_UNKNOWN_TRANSACTION'
  | 'CC_DEVPEER_CLIENT_NOT_SUBMITTABLE'
  | 'CC_DEVPEER_CLIENT_ARGUMENT_COUNT'
  | 'CC_DEVPEER_CLIENT_ARGUMENT_TYPE';

/**
 * A call the client refused before sending anything: an unknown transaction, an evaluate-only
 * transaction through submit, a wrong number of arguments, or an argument of the wrong type.
 */
export class CallRefusedError extends ContractClientError<CallRefusedCode> {
  /** The parameter concerned (argument type errors). */
  readonly parameter: string | undefined;

  constructor(
    code: CallRefusedCode,
    message: string,
    options: ContractClientErrorOptions & { readonly parameter?: string } = {},
  ) {
    super(code, message, options);
    this.parameter = options.parameter;
  }
}
