import { ChaincodeError } from '@chaincode/contract-api';
import type { DevPeerErrorCode } from './codes';

/** An error of the dev peer's programmatic API (never of the chaincode under test). */
export class DevPeerError<C extends DevPeerErrorCode = DevPeerErrorCode> extends ChaincodeError<C> {}
