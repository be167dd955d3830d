import { configureLogging, resetLogging, shimLogger } from '../logging/logger';
import { ProtocolState, ProtocolStateMachine } from './protocol-state';

describe('ProtocolStateMachine', () => {
  let lines: string[];
  beforeEach(() => {
    lines = [];
    configureLogging({ sink: (line) => lines.push(line), shimLevel: 'warning' });
  });
  afterEach(() => {
    resetLogging();
  });

  it('walks created → established → ready → closed', () => {
    const fsm = new ProtocolStateMachine(shimLogger('test'));
    expect(fsm.state).toBe(ProtocolState.Created);
    expect(fsm.transition(ProtocolState.Established, 'REGISTERED')).toBe(true);
    expect(fsm.transition(ProtocolState.Ready, 'READY')).toBe(true);
    expect(fsm.transition(ProtocolState.Closed, 'end')).toBe(true);
    expect(fsm.state).toBe(ProtocolState.Closed);
    expect(lines).toEqual([]);
  });

  it.each([
    [ProtocolState.Created, ProtocolState.Ready],
    [ProtocolState.Created, ProtocolState.Created],
    [ProtocolState.Established, ProtocolState.Created],
    [ProtocolState.Established, ProtocolState.Established],
  ])('refuses %s → %s, keeps the state and logs the reason', (from, to) => {
    const fsm = new ProtocolStateMachine(shimLogger('test'));
    if (from === ProtocolState.Established) fsm.transition(ProtocolState.Established, 'setup');
    expect(fsm.transition(to, 'because of a test')).toBe(false);
    expect(fsm.state).toBe(from);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('refused protocol state change');
    expect(lines[0]).toContain('because of a test');
  });

  it('refuses anything after closed and going back from ready', () => {
    const fsm = new ProtocolStateMachine(shimLogger('test'));
    fsm.transition(ProtocolState.Established, 'a');
    fsm.transition(ProtocolState.Ready, 'b');
    expect(fsm.transition(ProtocolState.Established, 'again')).toBe(false);
    fsm.transition(ProtocolState.Closed, 'c');
    for (const next of [ProtocolState.Created, ProtocolState.Established, ProtocolState.Ready, ProtocolState.Closed]) {
      expect(fsm.transition(next, 'late')).toBe(false);
    }
    expect(fsm.state).toBe(ProtocolState.Closed);
  });
});
