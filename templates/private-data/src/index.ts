import { PrivateAssetContract } from './private-asset-contract';

export { PrivateAsset } from './private-asset';
export { COLLECTION, PrivateAssetContract, TRANSIENT_KEY } from './private-asset-contract';

/** What `cc-start`, `cc server` and `cc dev` load: the contracts of this chaincode. */
export const contracts = [PrivateAssetContract];
