import { Contract } from '@chaincode/contract-api';
import { SYSTEM_CONTRACT_NAME, type ContractMetadataJson } from '@chaincode/contract-api/internal';

/**
 * The `org.hyperledger.fabric` contract every chaincode has: `GetMetadata` answers the metadata.
 * Added last, as the official adds it, and listed in the metadata with its one transaction.
 */
export class SystemContract extends Contract {
  #metadata: ContractMetadataJson | undefined;

  constructor() {
    super(SYSTEM_CONTRACT_NAME);
  }

  _setMetadata(metadata: ContractMetadataJson): void {
    this.#metadata = metadata;
  }

  // eslint-disable-next-line @typescript-eslint/require-await -- a transaction function, async as the official's
  async GetMetadata(): Promise<ContractMetadataJson | undefined> {
    return this.#metadata;
  }
}
