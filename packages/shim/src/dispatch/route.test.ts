import { splitFunctionName } from './route';

describe('splitFunctionName (the official routing, first colon)', () => {
  it.each([
    ['fn', { contractName: 'dflt', functionName: 'fn' }],
    [':fn', { contractName: 'dflt', functionName: 'fn' }],
    [' :fn', { contractName: 'dflt', functionName: 'fn' }],
    ['a:fn', { contractName: 'a', functionName: 'fn' }],
    ['a:b:c', { contractName: 'a', functionName: 'b:c' }],
    ['a:', { contractName: 'a', functionName: '' }],
    ['', { contractName: 'dflt', functionName: '' }],
    [' a:fn', { contractName: ' a', functionName: 'fn' }],
    ['org.hyperledger.fabric:GetMetadata', { contractName: 'org.hyperledger.fabric', functionName: 'GetMetadata' }],
    ['fn\nrest', { contractName: 'dflt', functionName: 'fn' }],
  ])('%j', (text, route) => {
    expect(splitFunctionName(text, 'dflt')).toEqual(route);
  });
});
