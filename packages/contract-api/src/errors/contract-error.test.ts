import { ContractError, isContractError } from './contract-error';

describe('ContractError', () => {
  it('carries status, payload and code', () => {
    const e = new ContractError('no funds', { status: 402, payload: '{"balance":0}', code: 'NO_FUNDS' });
    expect(e).toBeInstanceOf(Error);
    expect(e.name).toBe('ContractError');
    expect(e.message).toBe('no funds');
    expect(e.status).toBe(402);
    expect(Buffer.from(e.payload ?? []).toString()).toBe('{"balance":0}');
    expect(e.code).toBe('NO_FUNDS');
    expect(isContractError(e)).toBe(true);
    expect(isContractError(new Error('x'))).toBe(false);
  });

  it('defaults to 500 and rejects statuses outside 400..599', () => {
    expect(new ContractError('x').status).toBe(500);
    expect(() => new ContractError('x', { status: 200 })).toThrow(RangeError);
    expect(() => new ContractError('x', { status: 600 })).toThrow(RangeError);
  });
});
