import { ChannelPolicies } from '../policy/channel-policies';
import { parseCollectionsConfig } from './parse-collections';

const channel = { orgs: ['Org1MSP', 'Org2MSP'], policies: new ChannelPolicies(['Org1MSP', 'Org2MSP']) };
const valid = { name: 'assetCollection', policy: "OR('Org1MSP.member', 'Org2MSP.member')" };

// Sources: the peer CLI's reading of collections_config.json (internal/peer/lifecycle/chaincode,
// GetCollectionConfigFromBytes: field names, requiredPeerCount 0 / maxPeerCount 1 when absent,
// "invalid policy", "invalid endorsement policy") and lifecycle's validation of a definition
// (core/chaincode/lifecycle validateCollectionConfigs: name rule, duplicates, peer counts, an OR
// member policy whose orgs are on the channel), with their texts.
describe('parseCollectionsConfig', () => {
  it('reads fabric-samples asset-transfer-private-data collections_config.json', () => {
    const [first, second] = parseCollectionsConfig(
      [
        {
          name: 'assetCollection',
          policy: "OR('Org1MSP.member', 'Org2MSP.member')",
          requiredPeerCount: 1,
          maxPeerCount: 1,
          blockToLive: 1000000,
          memberOnlyRead: true,
          memberOnlyWrite: true,
        },
        {
          name: 'Org1MSPPrivateCollection',
          policy: "OR('Org1MSP.member')",
          requiredPeerCount: 0,
          maxPeerCount: 1,
          blockToLive: 3,
          memberOnlyRead: true,
          memberOnlyWrite: false,
          endorsementPolicy: { signaturePolicy: "OR('Org1MSP.member')" },
        },
      ],
      channel,
    );
    expect(first).toMatchObject({
      requiredPeerCount: 1,
      maxPeerCount: 1,
      blockToLive: 1000000,
      memberOnlyRead: true,
      endorsementPolicy: undefined,
    });
    expect(second).toMatchObject({
      blockToLive: 3,
      memberOnlyWrite: false,
      endorsementPolicy: { kind: 'signature', text: "OR('Org1MSP.member')" },
    });
  });

  it('applies the peer CLI defaults', () => {
    expect(parseCollectionsConfig([valid], channel)[0]).toMatchObject({
      requiredPeerCount: 0,
      maxPeerCount: 1,
      blockToLive: 0,
      memberOnlyRead: false,
      memberOnlyWrite: false,
      implicit: false,
    });
    const [ref] = parseCollectionsConfig(
      [{ ...valid, endorsementPolicy: { channelConfigPolicy: '/Channel/Application/Endorsement' } }],
      channel,
    );
    expect(ref?.endorsementPolicy).toEqual({ kind: 'channelConfig', reference: '/Channel/Application/Endorsement' });
  });

  it.each([
    [{ notAnArray: true }, 'could not parse the collection configuration: expected a JSON array of collections'],
    [[{ ...valid, policy: "OR('Org1MSP.member'" }], "invalid policy OR('Org1MSP.member':"],
    [
      [{ ...valid, requiredPeerCount: '1' }],
      'could not parse the collection configuration: "requiredPeerCount" must be an integer, got "1"',
    ],
    [[{ ...valid, blockToLive: -1 }], '"blockToLive" must be a non-negative integer'],
    [
      [
        {
          ...valid,
          endorsementPolicy: {
            signaturePolicy: "OR('Org1MSP.member')",
            channelConfigPolicy: '/Channel/Application/Endorsement',
          },
        },
      ],
      'cannot specify both "--signature-policy" and "--channel-config-policy"',
    ],
    [[{ ...valid, endorsementPolicy: { signaturePolicy: 'OR(' } }], 'invalid signature policy: OR('],
    [
      [{ ...valid, name: '_private' }],
      "error validating chaincode definition: invalid collection name '_private'. Names can only consist of alphanumerics, '_', and '-' and cannot begin with '_'",
    ],
    [
      [valid, valid],
      'error validating chaincode definition: collection-name: assetCollection -- found duplicate in collection configuration',
    ],
    [
      [{ ...valid, requiredPeerCount: 2, maxPeerCount: 1 }],
      'error validating chaincode definition: collection-name: assetCollection -- maximum peer count (1) cannot be less than the required peer count (2)',
    ],
    [
      [{ ...valid, requiredPeerCount: -2, maxPeerCount: -3 }],
      'error validating chaincode definition: collection-name: assetCollection -- maximum peer count (-3) cannot be less than the required peer count (-2)',
    ],
    [
      [{ ...valid, requiredPeerCount: -2, maxPeerCount: 1 }],
      'error validating chaincode definition: collection-name: assetCollection -- requiredPeerCount (-2) cannot be less than zero',
    ],
    [
      [{ ...valid, policy: "AND('Org1MSP.member', 'Org2MSP.member')" }],
      'error validating chaincode definition: collection-name: assetCollection -- error in member org policy: signature policy is not an OR concatenation, NOutOf 2',
    ],
    [
      [{ ...valid, policy: "OR('Org3MSP.member')" }],
      "error validating chaincode definition: collection-name: assetCollection -- collection member 'Org3MSP' is not part of the channel",
    ],
  ])('refuses %j', (config, message) => {
    expect(() => parseCollectionsConfig(config, channel)).toThrow(
      expect.objectContaining({
        code: 'CC_DEVPEER_INVALID_DEFINITION',
        message: expect.stringContaining(message) as string,
      }),
    );
  });
});
