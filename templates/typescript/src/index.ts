import { AssetContract } from './asset-contract';

export { Asset } from './asset';
export { AssetContract } from './asset-contract';

/** What `cc-start`, `cc server` and `cc dev` load: the contracts of this chaincode. */
export const contracts = [AssetContract];
