import { compilePcre } from './pcre-regex';
import { RegexUnsupportedError } from './query-error';

const test = (pattern: string, value: string): boolean | undefined => compilePcre(pattern)?.test(value);

// Erlang re (PCRE) defaults: no multiline, "." stops at "\n" only, "$" also before a final "\n".
describe('PCRE patterns in JavaScript', () => {
  it('matches anywhere in the string', () => {
    expect(test('b', 'abc')).toBe(true);
    expect(test('^b', 'abc')).toBe(false);
  });

  it('keeps PCRE meanings of $, ., \\A, \\z, \\Z and options at the start', () => {
    expect(test('c$', 'abc\n')).toBe(true);
    expect(test('c\\z', 'abc\n')).toBe(false);
    expect(test('c\\Z', 'abc\n')).toBe(true);
    expect(test('\\Aab', 'xab')).toBe(false);
    expect(test('a.c', 'a\rc')).toBe(true);
    expect(test('a.c', 'a\nc')).toBe(false);
    expect(test('(?s)a.c', 'a\nc')).toBe(true);
    expect(test('(?i)ABC', 'xabc')).toBe(true);
    expect(test('(?m)^b', 'a\nb')).toBe(true);
  });

  it('translates POSIX classes, \\Q..\\E, named groups, \\h, \\x{..} and comments', () => {
    expect(test('^[[:digit:]]+$', '123')).toBe(true);
    expect(test('[[:alpha:]]', '123')).toBe(false);
    expect(test('\\Qa.b\\E', 'axb')).toBe(false);
    expect(test('\\Qa.b\\E', 'a.b')).toBe(true);
    expect(test('(?P<x>a)(?P=x)', 'aa')).toBe(true);
    expect(test('a\\hb', 'a b')).toBe(true);
    expect(test('\\x{e9}', 'é')).toBe(true);
    expect(test('a(?#comment)b', 'ab')).toBe(true);
    expect(test('[]a]', ']')).toBe(true);
  });

  it('says undefined for a pattern that does not compile', () => {
    expect(compilePcre('(')).toBeUndefined();
    expect(compilePcre('a{2,1}')).toBeUndefined();
  });

  it.each(['a++', '(?>a)', '(?|a|b)', 'a\\Gb', '(?R)', '(*UTF8)a', 'a(?i)b', '\\p{L}', '[[:^alpha:]]'])(
    'refuses %s, which JavaScript cannot express',
    (pattern) => {
      expect(() => compilePcre(pattern)).toThrow(RegexUnsupportedError);
    },
  );
});
