import { status } from '@grpc/grpc-js';
import { statusName, streamFailure } from './disconnect-reason';

/** What grpc-js's callErrorFromStatus builds. */
function serviceError(code: number | undefined, details: string | undefined): Error {
  return Object.assign(new Error(`${String(code)} ${String(code)}: ${String(details)}`), { code, details });
}

describe('streamFailure: one readable reason per failure', () => {
  it('names the status and keeps the details', () => {
    expect(
      streamFailure(serviceError(status.INTERNAL, 'Response message parsing error: invalid wire type 7')),
    ).toMatchObject({
      kind: 'failed',
      status: 13,
      reason: 'the stream to the peer failed: INTERNAL (13): Response message parsing error: invalid wire type 7',
    });
  });

  it("drops grpc-js's empty 'Resolution note'", () => {
    const reason = streamFailure(serviceError(14, 'No connection established. Last error: x. Resolution note: '));
    expect(reason.reason).toBe(
      'the stream to the peer failed: UNAVAILABLE (14): No connection established. Last error: x',
    );
  });

  it('names the frame grpc-js could not decompress instead of "undefined undefined: undefined"', () => {
    const reason = streamFailure(serviceError(undefined, undefined));
    expect(reason.reason).toMatch(/^the stream to the peer failed with no gRPC status: grpc-js refused a message/);
    expect(reason.reason).not.toContain('undefined');
    expect(reason.status).toBeUndefined();
  });

  it('keeps the message of an error without a status, and wraps anything thrown', () => {
    expect(streamFailure(new Error('socket hang up')).reason).toBe('the stream to the peer failed: socket hang up');
    expect(streamFailure('text').error).toBeInstanceOf(Error);
    expect(streamFailure(serviceError(status.CANCELLED, '')).reason).toBe(
      'the stream to the peer failed: CANCELLED (1)',
    );
  });

  it('statusName', () => {
    expect([statusName(14), statusName(99)]).toEqual(['UNAVAILABLE (14)', 'status 99']);
  });
});
