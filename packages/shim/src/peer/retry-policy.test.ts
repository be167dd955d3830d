import { status } from '@grpc/grpc-js';
import { isRetryable } from './retry-policy';

describe('isRetryable (first registration)', () => {
  it('retries transport failures, silence, and a stream the peer just ended', () => {
    for (const code of [status.UNAVAILABLE, status.INTERNAL, status.DEADLINE_EXCEEDED, status.RESOURCE_EXHAUSTED]) {
      expect(isRetryable({ kind: 'failed', status: code, reason: '' })).toBe(true);
    }
    expect(isRetryable({ kind: 'failed', reason: 'no status' })).toBe(true);
    expect(isRetryable({ kind: 'timeout', reason: '' })).toBe(true);
    expect(isRetryable({ kind: 'ended', reason: '' })).toBe(true);
  });

  it("does not retry the peer's answers: a refusal, UNIMPLEMENTED, UNAUTHENTICATED, an error of its handler", () => {
    expect(isRetryable({ kind: 'refused', reason: '' })).toBe(false);
    expect(isRetryable({ kind: 'closed', reason: '' })).toBe(false);
    for (const code of [status.UNIMPLEMENTED, status.UNAUTHENTICATED, status.PERMISSION_DENIED, status.UNKNOWN]) {
      expect(isRetryable({ kind: 'failed', status: code, reason: '' })).toBe(false);
    }
  });
});
