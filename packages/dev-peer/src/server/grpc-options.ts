/** Fabric's peer allows 100 MiB messages on the chaincode stream. */
export const MAX_MESSAGE_BYTES = 100 * 1024 * 1024;

export const GRPC_OPTIONS = {
  'grpc.max_send_message_length': MAX_MESSAGE_BYTES,
  'grpc.max_receive_message_length': MAX_MESSAGE_BYTES,
} as const;
