import { PrivateAssetContract } from './private-asset-contract';

export { PrivateAsset } from './private-asset';
export { COLLECTION, PrivateAssetContract, TRANSIENT_KEY } from './private-asset-contract';

/** What `cc-start`, `fabric-chaincode-node server` and `chaincode dev` load: the contracts of this chaincode. */
export const contracts = [PrivateAssetContract];
