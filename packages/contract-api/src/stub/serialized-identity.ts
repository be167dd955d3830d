/** The creator of the transaction proposal: its MSP id and its certificate (PEM bytes). */
export interface SerializedIdentity {
  mspid: string;
  idBytes: Uint8Array;
}
