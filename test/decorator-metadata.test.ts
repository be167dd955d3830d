import 'reflect-metadata';

// The test transform must emit decorator metadata as tsc does: the contract API reads parameter,
// property and return types from it.
function Mark(): MethodDecorator & PropertyDecorator {
  return () => undefined;
}

class Asset {
  @Mark()
  size: number = 0;
}

class Sample {
  @Mark()
  owner: string = '';

  @Mark()
  transfer(_asset: Asset, _count: number, _flag: boolean, _name: string): Promise<Asset> {
    return Promise.resolve(new Asset());
  }
}

describe('decorator metadata under the test transform', () => {
  it('records design:paramtypes and design:returntype for methods', () => {
    expect(Reflect.getMetadata('design:paramtypes', Sample.prototype, 'transfer')).toEqual([
      Asset,
      Number,
      Boolean,
      String,
    ]);
    expect(Reflect.getMetadata('design:returntype', Sample.prototype, 'transfer')).toBe(Promise);
  });

  it('records design:type for properties', () => {
    expect(Reflect.getMetadata('design:type', Sample.prototype, 'owner')).toBe(String);
    expect(Reflect.getMetadata('design:type', Asset.prototype, 'size')).toBe(Number);
  });
});
