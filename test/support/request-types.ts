import { MessageType } from '@chaincode/shim/internal';

/** Every request a chaincode may send a peer in the ready state (GET_STATE ... GET_STATE_MULTIPLE). */
export const CHAINCODE_REQUEST_TYPES: readonly MessageType[] = [
  MessageType.GET_STATE,
  MessageType.PUT_STATE,
  MessageType.DEL_STATE,
  MessageType.INVOKE_CHAINCODE,
  MessageType.GET_STATE_BY_RANGE,
  MessageType.GET_QUERY_RESULT,
  MessageType.QUERY_STATE_NEXT,
  MessageType.QUERY_STATE_CLOSE,
  MessageType.GET_HISTORY_FOR_KEY,
  MessageType.GET_STATE_METADATA,
  MessageType.PUT_STATE_METADATA,
  MessageType.GET_PRIVATE_DATA_HASH,
  MessageType.PURGE_PRIVATE_DATA,
  MessageType.WRITE_BATCH_STATE,
  MessageType.GET_STATE_MULTIPLE,
];
