import { describe, expect, it } from 'vitest';
import { GREETING_NAME_LIMIT, greetingName } from '../../src/core/intake-messages.ts';

/**
 * Anyone can have an acknowledgement sent from the provider's domain to any address, naming
 * themselves as they like: the greeting keeps only a name that is short and cannot become a link.
 */
describe('the name an acknowledgement greets by', () => {
  it.each([
    'Ada Example',
    "Siân O'Brien-Jones",
    'J. R. R. Tolkien',
    'Nguyễn Thị Minh Khai',
    '李小龙',
    'a'.repeat(GREETING_NAME_LIMIT),
  ])('greets %j by name', (name) => {
    expect(greetingName(name)).toBe(name);
  });

  // biome-ignore format: one row a line keeps the table readable as a table
  it.each([
    ['an email address', 'win@prize.example'],
    ['a full-width @', 'win＠prize.example'],
    ['a web address', 'https://prize.example/claim'],
    ['a scheme alone', 'mailto:win'],
    ['a path', 'prize/claim'],
    ['a host name', 'Visit prize.example now'],
    ['a host name with a full-width dot', 'prize．example'],
    ['a host name with an ideographic dot', 'prize。example'],
    ['a phone number', 'Call 0900 123 456'],
    ['a name too long to be only a name', 'a'.repeat(GREETING_NAME_LIMIT + 1)],
  ])('leaves out %s', (_why, name) => {
    expect(greetingName(name)).toBeUndefined();
  });
});
