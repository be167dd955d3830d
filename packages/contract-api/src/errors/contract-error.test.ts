import { ContractApiError } from './contract-api-error';
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
    for (const status of [200, 600, 450.5, Number.NaN]) {
      let thrown: unknown;
      try {
        new ContractError('x', { status });
      } catch (err) {
        thrown = err;
      }
      expect(thrown).toBeInstanceOf(ContractApiError);
      expect(thrown).toMatchObject({
        code: 'CC_API_INVALID_STATUS',
        message: `ContractError status must be an integer from 400 to 599, got ${String(status)}`,
      });
    }
  });
});
