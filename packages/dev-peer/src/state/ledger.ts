import { ChannelLedger } from './channel-ledger';

/** Every channel's ledger, created on first use (the dev peer has joined every channel). */
export class Ledger {
  private readonly channels = new Map<string, ChannelLedger>();

  channel(channelId: string): ChannelLedger {
    let ledger = this.channels.get(channelId);
    if (ledger === undefined) {
      ledger = new ChannelLedger(channelId);
      this.channels.set(channelId, ledger);
    }
    return ledger;
  }
}
