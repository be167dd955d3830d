import { renderPayload, renderResult } from './render-result';

describe('renderPayload', () => {
  it('indents JSON objects, keeps other text as is', () => {
    expect(renderPayload(Buffer.from('{"a":1}'))).toBe('{\n  "a": 1\n}');
    expect(renderPayload(Buffer.from('true'))).toBe('true');
    expect(renderPayload(Buffer.from('plain text'))).toBe('plain text');
    expect(renderPayload(new Uint8Array())).toBe('(empty)');
  });
});

describe('renderResult', () => {
  const base = {
    kind: 'submit' as const,
    fcn: 'CreateAsset',
    txId: 'abcdef0123456789',
    committed: true,
    identity: 'User1@Org1MSP',
  };

  it('shows success with the payload and the event', () => {
    const text = renderResult({
      ...base,
      status: 200,
      message: '',
      payload: Buffer.from('{"id":"a1"}'),
      event: { name: 'AssetCreated', payload: Buffer.from('{ "id": "a1" }') },
    });
    expect(text).toBe(
      'OK 200 CreateAsset (committed, tx abcdef01)\n  {\n    "id": "a1"\n  }\n  event AssetCreated: {"id":"a1"}\n',
    );
  });

  it('shows no event for an evaluation (Fabric emits none)', () => {
    const text = renderResult({
      ...base,
      kind: 'evaluate',
      committed: false,
      status: 200,
      message: '',
      payload: Buffer.from('1'),
      event: { name: 'AssetCreated', payload: Buffer.from('{}') },
    });
    expect(text).toBe('OK 200 CreateAsset (evaluated, tx abcdef01)\n  1\n');
  });

  it('names the identity when asked', () => {
    const text = renderResult({ ...base, status: 200, message: '', payload: new Uint8Array() }, { showIdentity: true });
    expect(text).toBe('OK 200 CreateAsset (committed, tx abcdef01, as User1@Org1MSP)\n  (empty)\n');
  });

  it('shows failure with the message', () => {
    const text = renderResult({
      ...base,
      kind: 'evaluate',
      status: 500,
      message: 'asset a1 does not exist',
      payload: new Uint8Array(),
      committed: false,
    });
    expect(text).toBe('FAILED 500 CreateAsset (evaluated, tx abcdef01)\n  asset a1 does not exist\n');
  });
});
