'use strict';

const { Object: DataType, Property } = require('@chaincode/contract-api');

/** One asset on the ledger. */
class Asset {
  constructor(fields = {}) {
    this.id = String(fields.id ?? '');
    this.color = String(fields.color ?? '');
    this.size = Number(fields.size ?? 0);
    this.owner = String(fields.owner ?? '');
    this.appraisedValue = Number(fields.appraisedValue ?? 0);
  }

  static fromBytes(bytes) {
    return new Asset(JSON.parse(Buffer.from(bytes).toString('utf8')));
  }

  /** Stored form: JSON with the fields in a fixed order, so every endorser writes the same bytes. */
  toBytes() {
    const { id, color, size, owner, appraisedValue } = this;
    return Buffer.from(JSON.stringify({ id, color, size, owner, appraisedValue }));
  }
}

// JavaScript has no decorator syntax: apply @Object and @Property as functions, with explicit
// types, so the class appears in the contract metadata as it does in the TypeScript template.
DataType()(Asset);
for (const [field, type] of [
  ['id', 'string'],
  ['color', 'string'],
  ['size', 'number'],
  ['owner', 'string'],
  ['appraisedValue', 'number'],
]) {
  Property(field, type)(Asset.prototype, field);
}

module.exports = { Asset };
