import { ChaincodeError, type ChaincodeErrorOptions } from '@chaincode/contract-api';
import type { ShimErrorCode } from '../errors/codes';

/** The codes of the dispatcher's errors. */
export type DispatchErrorCode = Extract<
  ShimErrorCode,
  | 'CC_SHIM_UNKNOWN_CONTRACT'
  | 'CC_SHIM_ARGUMENT_COUNT'
  | 'CC_SHIM_ARGUMENT_CONVERSION'
  | 'CC_SHIM_ARGUMENT_INVALID'
  | 'CC_SHIM_PARAMETER_UNUSABLE'
>;

/**
 * A call the contracts cannot serve (unknown contract, wrong number of arguments). The dispatcher
 * answers it as status 500 with this message, which is the official text where one exists.
 */
export class DispatchError<C extends DispatchErrorCode = DispatchErrorCode> extends ChaincodeError<C> {}

/** Where an argument went: the parameter, its transaction and contract. */
export interface ParameterPlace {
  readonly contract: string;
  readonly transaction: string;
  readonly parameter: string;
}

/**
 * One argument was refused: `parameter` names it (with `transaction` and `contract`) and `reason`
 * says why; the message says both: `Unable to convert parameter 'p' of transaction 'fn' in contract
 * 'c': "x" is not a number`.
 */
export class ArgumentError extends DispatchError<
  'CC_SHIM_ARGUMENT_CONVERSION' | 'CC_SHIM_ARGUMENT_INVALID' | 'CC_SHIM_PARAMETER_UNUSABLE'
> {
  readonly contract: string;
  readonly transaction: string;
  readonly parameter: string;
  readonly reason: string;

  constructor(
    code: 'CC_SHIM_ARGUMENT_CONVERSION' | 'CC_SHIM_ARGUMENT_INVALID' | 'CC_SHIM_PARAMETER_UNUSABLE',
    place: ParameterPlace,
    reason: string,
    options?: ChaincodeErrorOptions,
  ) {
    super(code, `${ACTIONS[code]} ${describePlace(place)}: ${reason}`, options);
    this.contract = place.contract;
    this.transaction = place.transaction;
    this.parameter = place.parameter;
    this.reason = reason;
  }
}

const ACTIONS = {
  CC_SHIM_ARGUMENT_CONVERSION: 'Unable to convert',
  CC_SHIM_ARGUMENT_INVALID: 'Unable to validate',
  CC_SHIM_PARAMETER_UNUSABLE: 'Unable to use',
} as const;

function describePlace(place: ParameterPlace): string {
  return `parameter '${place.parameter}' of transaction '${place.transaction}' in contract '${place.contract}'`;
}
