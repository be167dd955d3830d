import { splitWords } from './line-parser';

describe('splitWords', () => {
  it.each([
    ['CreateAsset a1 blue 5', ['CreateAsset', 'a1', 'blue', '5']],
    ['  spaced   out  ', ['spaced', 'out']],
    [`submit Put '{"id": "a1", "n": 2}'`, ['submit', 'Put', '{"id": "a1", "n": 2}']],
    ['say "hello \\"you\\""', ['say', 'hello "you"']],
    ["empty '' arg", ['empty', '', 'arg']],
    ['back\\ slash', ['back slash']],
    ["'it'\\''s'", ["it's"]],
  ])('%s', (line, words) => {
    expect(splitWords(line)).toEqual(words);
  });

  it('reports an unclosed quote', () => {
    expect(() => splitWords(`Put '{"a":1}`)).toThrow(/unclosed ' quote/);
  });
});
