import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ENVIRONMENT_VARIABLES } from '../../src/composition/settings.ts';

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');

describe('the README', () => {
  it('gives the two commands: start everything, and run every test', () => {
    expect(readme).toContain('npm install && npm start');
    expect(readme).toContain('npm test');
  });

  it.each(ENVIRONMENT_VARIABLES)('documents $name exactly as the code reads it', ({ name, description }) => {
    const row = readme.split('\n').find((line) => line.startsWith(`| \`${name}\``));
    expect(row?.replace(/\s+/g, ' ')).toContain(description.replaceAll('|', '\\|'));
  });

  it('documents no variable the code does not read', () => {
    const section = readme.slice(readme.indexOf('## Configuration'), readme.indexOf('## Layout'));
    const documented = [...section.matchAll(/^\| `([A-Z_]+)`/gm)].map((match) => match[1]);
    expect(documented).toEqual(ENVIRONMENT_VARIABLES.map((variable) => variable.name));
  });
});
