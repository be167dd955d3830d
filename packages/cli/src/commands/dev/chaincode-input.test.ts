import { parseChaincodeInput } from './chaincode-input';

describe('parseChaincodeInput (the peer CLI -c forms)', () => {
  it.each([
    ['{"Args":["CreateAsset","a1","blue"]}', { fcn: 'CreateAsset', args: ['a1', 'blue'] }],
    ['{"function":"CreateAsset","Args":["a1"]}', { fcn: 'CreateAsset', args: ['a1'] }],
    ['{"args":["Read"]}', { fcn: 'Read', args: [] }],
    ['{"Function":"X:Y","ARGS":[]}', { fcn: 'X:Y', args: [] }],
  ])('%s', (json, call) => {
    expect(parseChaincodeInput(json)).toEqual(call);
  });

  it.each([
    ['{"Args":', /^not JSON: /],
    ['[1]', /expected a JSON object/],
    ['{"Args":[1]}', /"Args" must be an array of strings/],
    ['{"Args":[]}', /must start with the function name/],
    ['{"function":"","Args":[]}', /"function" must be a non-empty string/],
  ])('refuses %s', (json, reason) => {
    expect(() => parseChaincodeInput(json)).toThrow(reason);
  });
});
