import { ChannelConfig } from '../channel/channel-config';
import type { MspIdentity } from '../msp/msp-directory';
import { parseSignaturePolicy } from '../policy/policy-parser';
import { encodeSignaturePolicy } from '../policy/signature-policy';
import type { SimulationResults } from '../simulation/tx-simulation';
import { ChannelLedger } from '../state/channel-ledger';
import type { WriteRecord } from '../state/ledger-types';
import { validateEndorsements, VALIDATION_PARAMETER } from './endorsement-validation';

const peer = (mspId: string): MspIdentity => ({
  id: mspId,
  mspId,
  roles: new Set(['peer']),
  valid: true,
  certificate: '',
  ous: ['peer'],
});
const P1 = peer('Org1MSP');
const P2 = peer('Org2MSP');
const P3 = peer('Org3MSP');
const ts = { seconds: 1, nanos: 0 };

const write = (key: string, collection = '', namespace = 'cc'): WriteRecord => ({
  namespace,
  collection,
  key,
  value: Buffer.from('v'),
  isDelete: false,
  isPurge: false,
});
const results = (writes: WriteRecord[], metadataKeys: string[] = []): SimulationResults => ({
  reads: [],
  privateReads: [],
  rangeQueries: [],
  writes,
  metadataWrites: metadataKeys.map((key) => ({ namespace: 'cc', collection: '', key, metadata: new Map() })),
});

function setup(): { config: ChannelConfig; ledger: ChannelLedger } {
  const config = new ChannelConfig('ch', ['Org1MSP', 'Org2MSP', 'Org3MSP'], false);
  config.define('cc', {
    endorsementPolicy: "OR('Org1MSP.peer')",
    collections: [
      { name: 'open', policy: "OR('Org1MSP.member', 'Org2MSP.member')" },
      { name: 'strict', policy: "OR('Org2MSP.member')", endorsementPolicy: { signaturePolicy: "OR('Org2MSP.peer')" } },
    ],
  });
  const ledger = new ChannelLedger('ch');
  const sbe = (policy: string): Map<string, Buffer> =>
    new Map([[VALIDATION_PARAMETER, Buffer.from(encodeSignaturePolicy(parseSignaturePolicy(policy)))]]);
  ledger.commit({
    txId: 'seed',
    timestamp: ts,
    writes: [write('plain'), write('sbe3'), write('bad'), write('psbe', 'open')],
    metadataWrites: [
      { namespace: 'cc', collection: '', key: 'sbe3', metadata: sbe("OR('Org3MSP.peer')") },
      {
        namespace: 'cc',
        collection: '',
        key: 'bad',
        metadata: new Map([[VALIDATION_PARAMETER, Buffer.from([0xff, 0xff])]]),
      },
      { namespace: 'cc', collection: 'open', key: 'psbe', metadata: sbe("AND('Org1MSP.peer', 'Org3MSP.peer')") },
    ],
  });
  return { config, ledger };
}

// Source: hyperledger/fabric core/common/validation/statebased/validator_keylevel.go (baseEvaluator:
// every public write, public metadata write, collection write and collection metadata write is
// checked against its key's VALIDATION_PARAMETER when it has one, else once per namespace against
// the collection's or the chaincode's policy; CheckCCEPIfNoEPChecked for transactions writing
// nothing), v20.go (policyCheckerV20: a collection endorsement policy replaces the chaincode's for
// its writes), vpmanagerimpl.go (a key whose validation parameter an earlier valid transaction of
// the block changed) and their error texts.
describe('validateEndorsements (key-level, collection and chaincode policies)', () => {
  const { config, ledger } = setup();
  const ctx = { config, ledger, blockNum: 5, txNum: 2, metadataUpdatedInBlock: new Set<string>() };

  it.each([
    ['a write without key policy: the chaincode policy', [write('plain')], [P1], undefined],
    [
      'the chaincode policy unmet',
      [write('plain')],
      [P2],
      'validation of endorsement policy for chaincode cc in tx 5:2 failed: signature set did not satisfy policy',
    ],
    ['a key policy replaces the chaincode policy', [write('sbe3')], [P3], undefined],
    [
      'a key policy unmet, even with the chaincode policy met',
      [write('sbe3')],
      [P1],
      "validation of key sbe3 (coll'':ns'cc') in tx 5:2 failed: signature set did not satisfy policy",
    ],
    [
      'a key without policy next to one with: both policies',
      [write('sbe3'), write('plain')],
      [P3],
      'validation of endorsement policy for chaincode cc in tx 5:2 failed: signature set did not satisfy policy',
    ],
    ['both met', [write('sbe3'), write('plain')], [P3, P1], undefined],
    ['a read-only transaction: the chaincode policy', [], [P1], undefined],
    [
      'a read-only transaction unendorsed by the chaincode policy',
      [],
      [P2],
      'validation of endorsement policy for chaincode cc in tx 5:2 failed: signature set did not satisfy policy',
    ],
    ['a collection without endorsement policy: the chaincode policy', [write('k', 'open')], [P1], undefined],
    ['a collection with its own endorsement policy', [write('k', 'strict')], [P2], undefined],
    [
      "a collection's policy replaces the chaincode's",
      [write('k', 'strict')],
      [P1],
      'validation of endorsement policy for collection strict chaincode cc in tx 5:2 failed: signature set did not satisfy policy',
    ],
    ['a private key policy', [write('psbe', 'open')], [P1, P3], undefined],
    [
      'a private key policy unmet',
      [write('psbe', 'open')],
      [P1],
      "validation of key psbe (coll'open':ns'cc') in tx 5:2 failed: signature set did not satisfy policy",
    ],
    [
      "an implicit org collection: the org's Endorsement policy",
      [write('k', '_implicit_org_Org2MSP')],
      [P2],
      undefined,
    ],
    [
      'an implicit org collection endorsed by another org',
      [write('k', '_implicit_org_Org2MSP')],
      [P1],
      'validation of endorsement policy for collection _implicit_org_Org2MSP chaincode cc in tx 5:2 failed: signature set did not satisfy policy',
    ],
    [
      'an implicit collection of an org not on the channel',
      [write('k', '_implicit_org_Org9MSP')],
      [P1],
      "no org found in channel with MSPID 'Org9MSP'",
    ],
    ['an undefined collection', [write('k', 'nope')], [P1], "no such collection 'nope'"],
  ])('%s', (_case, writes, endorsers, expected) => {
    expect(validateEndorsements('cc', results(writes), endorsers, ctx)).toBe(expected);
  });

  it('checks a metadata-only write against the key policy before the change', () => {
    expect(validateEndorsements('cc', results([], ['sbe3']), [P1], ctx)).toMatch(/validation of key sbe3/);
    expect(validateEndorsements('cc', results([], ['sbe3']), [P3], ctx)).toBeUndefined();
  });

  it('fails a key whose validation parameter is not a policy', () => {
    expect(validateEndorsements('cc', results([write('bad')]), [P1, P2, P3], ctx)).toMatch(
      /^validation of key bad \(coll'':ns'cc'\) in tx 5:2 failed: could not unmarshal the signature policy envelope/,
    );
  });

  it('fails a write to a key whose metadata an earlier valid transaction of the block changed', () => {
    const updated = { ...ctx, metadataUpdatedInBlock: new Set(['cc\u0000\u0000plain']) };
    expect(validateEndorsements('cc', results([write('plain')]), [P1], updated)).toBe(
      'validation parameters for key [plain] in namespace [cc:] have been changed in transaction 2 of block 5',
    );
  });

  it('validates every namespace written through chaincode-to-chaincode calls against its own policy', () => {
    config.define('other', { endorsementPolicy: "OR('Org2MSP.peer')" });
    const both = results([write('plain'), write('x', '', 'other')]);
    expect(validateEndorsements('cc', both, [P1], ctx)).toBe(
      'validation of endorsement policy for chaincode other in tx 5:2 failed: signature set did not satisfy policy',
    );
    expect(validateEndorsements('cc', both, [P1, P2], ctx)).toBeUndefined();
  });

  it('uses the default policy, a majority of the orgs, for a chaincode nobody defined', () => {
    const w = results([write('k', '', 'undefinedcc')]);
    expect(validateEndorsements('undefinedcc', w, [P1], ctx)).toMatch(/requires 2 of the 'Endorsement' sub-policies/);
    expect(validateEndorsements('undefinedcc', w, [P1, P3], ctx)).toBeUndefined();
  });
});
