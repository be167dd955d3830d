/**
 * The wire codec: static protobufjs classes generated at build time from `packages/shim/protos`
 * (see `scripts/generate-protos.mjs`). Field numbers and enum values are Fabric's.
 */
export { common, google, msp, protos, queryresult } from '../generated/protos';
import { protos } from '../generated/protos';
import { asBuffer } from './bytes';

/** ChaincodeMessage.Type as a value and a type. */
export const MessageType = protos.ChaincodeMessage.Type;
export type MessageType = protos.ChaincodeMessage.Type;

/** Decoded chaincode message, as it arrives from a stream. */
export type ChaincodeMessage = protos.ChaincodeMessage;
/** What one may hand to a stream to be encoded. */
export type ChaincodeMessageInit = protos.ChaincodeMessage.$Properties;

/** The name of a message type, for logs and error texts ("GET_STATE", or the number when unknown). */
export function messageTypeName(type: number): string {
  return (MessageType as unknown as Record<number, string | undefined>)[type] ?? String(type);
}

/** Encode a message into a Buffer without copying the bytes the writer produced. */
export function encodeChaincodeMessage(message: ChaincodeMessageInit): Buffer {
  return asBuffer(protos.ChaincodeMessage.encode(message).finish());
}

/** Decode one ChaincodeMessage; throws protobufjs's error on malformed input. */
export function decodeChaincodeMessage(bytes: Uint8Array): ChaincodeMessage {
  return protos.ChaincodeMessage.decode(bytes);
}
