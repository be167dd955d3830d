import { AssetContract } from './asset-contract';

export { Asset } from './asset';
export { AssetContract } from './asset-contract';

/** What `cc-start`, `fabric-chaincode-node server` and `chaincode dev` load: the contracts of this chaincode. */
export const contracts = [AssetContract];
