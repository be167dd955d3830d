export { Transaction, Returns, Param, type MethodDecoratorFn } from './transaction.decorator';
export { ObjectDecorator, Property, type ClassDecoratorFn } from './object.decorator';
export { Info } from './info.decorator';
export { Default } from './default.decorator';
