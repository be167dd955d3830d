// The package entry of a contract project.
import { AssetTransferContract, UpperCaseSerializer } from './asset-contract';

export { AssetTransferContract } from './asset-contract';
export const contracts: any[] = [AssetTransferContract];
export const serializers = { transaction: 'upper', serializers: { upper: UpperCaseSerializer } };
