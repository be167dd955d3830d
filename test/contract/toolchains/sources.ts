/**
 * Contract sources compiled by every toolchain in `toolchains.test.ts`. Each is a whole module, as
 * a user writes it; class names differ per source because `@Object` classes are registered by name.
 */

/** Every type annotated: the same metadata under every compiler. */
export const TYPED = `
import { Context, Contract, Object as DataType, Property, Returns, Transaction } from '@chaincode/contract-api';

export enum Colour { Red = 'red', Blue = 'blue' }
export enum Level { Low, High }

@DataType()
export class TcItem {
  @Property() id: string = '';
  @Property() size: number = 0;
  @Property() colour: Colour = Colour.Red;
  @Property() level: Level = Level.Low;
  @Property() tags: string[] = [];
  @Property() created: Date = new Date(0);
}

export class TcTypedContract extends Contract {
  constructor() { super('typed'); }

  @Transaction()
  @Returns('string')
  async Put(ctx: Context, item: TcItem, count: number, flag: boolean, level: Level): Promise<string> {
    await ctx.stub.putState(item.id, Buffer.from(JSON.stringify(item)));
    return [item.constructor.name, item.id, typeof count, count, flag, level].join(':');
  }
}

export const contracts = [TcTypedContract];
`;

/** The case: a property without a type annotation (tsc records Object, swc and Babel nothing). */
export const UNANNOTATED_PROPERTY = `
import { Context, Contract, Object as DataType, Property, Transaction } from '@chaincode/contract-api';

@DataType()
export class TcLoose {
  @Property() id: string = '';
  @Property() name = '';
}

export class TcLooseContract extends Contract {
  @Transaction()
  async Put(ctx: Context, item: TcLoose): Promise<void> {
    await ctx.stub.putState(item.id, Buffer.from(JSON.stringify(item)));
  }
}

export const contracts = [TcLooseContract];
`;

/** A property typed with an interface (every compiler records Object). */
export const INTERFACE_PROPERTY = `
import { Context, Contract, Object as DataType, Property, Transaction } from '@chaincode/contract-api';

interface Labels { [key: string]: string }

@DataType()
export class TcLabelled {
  @Property() id: string = '';
  @Property() labels: Labels = {};
}

export class TcLabelledContract extends Contract {
  @Transaction()
  async Put(ctx: Context, item: TcLabelled): Promise<void> {
    await ctx.stub.putState(item.id, Buffer.from(JSON.stringify(item)));
  }
}

export const contracts = [TcLabelledContract];
`;

/** A parameter without a type annotation (tsc records Object, swc and Babel nothing). */
export const UNANNOTATED_PARAMETER = `
import { Context, Contract, Transaction } from '@chaincode/contract-api';

export class TcParamContract extends Contract {
  @Transaction()
  async Put(ctx: Context, key: string, value): Promise<void> {
    await ctx.stub.putState(key, Buffer.from(String(value)));
  }
}

export const contracts = [TcParamContract];
`;

/** The same untyped members, typed in the decorators: works under every compiler, with or without metadata. */
export const DESCRIBED = `
import { Context, Contract, Object as DataType, Param, Property, Transaction } from '@chaincode/contract-api';

@DataType()
export class TcDescribed {
  @Property('id', 'string') id = '';
  @Property({ type: 'string', required: true }) name = '';
  @Property('size', 'number', { integer: true, minimum: 0 }) size = 0;
}

export class TcDescribedContract extends Contract {
  constructor() { super('described'); }

  @Transaction()
  @Param('item', 'TcDescribed')
  @Param('note', 'string', 'a note')
  async Put(ctx, item, note) {
    await ctx.stub.putState(item.id, Buffer.from(JSON.stringify({ item, note })));
  }
}

export const contracts = [TcDescribedContract];
`;
