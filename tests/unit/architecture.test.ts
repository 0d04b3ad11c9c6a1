import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The shape DESIGN.md draws, checked on every run: the core is pure, use cases reach the world only
 * through the ports they are given, adapters implement ports and nothing above them, and the
 * composition root is the one reader of the environment.
 */

const ROOT = resolve(import.meta.dirname, '../..');
const SOURCE = /\.(ts|tsx|mts|mjs|astro)$/;

/** Every source file Redress runs (tests and benchmarks set up their own worlds and are not checked). */
function sourceFiles(): string[] {
  const found: string[] = ['astro.config.mjs'];
  const walk = (dir: string) => {
    for (const entry of readdirSync(join(ROOT, dir), { withFileTypes: true })) {
      const path = `${dir}/${entry.name}`;
      if (entry.isDirectory()) walk(path);
      else if (SOURCE.test(entry.name)) found.push(path);
    }
  };
  for (const dir of ['src', 'functions', 'cms', 'bin', 'scripts']) walk(dir);
  return found;
}

/** What a module imports: static, re-exported and dynamic specifiers. */
function importsOf(text: string): string[] {
  const patterns = [
    /\bfrom\s+['"]([^'"]+)['"]/g,
    /\bimport\s+['"]([^'"]+)['"]/g,
    /\bimport\(\s*['"]([^'"]+)['"]/g,
  ];
  return patterns.flatMap((pattern) => [...text.matchAll(pattern)].map((match) => match[1] ?? ''));
}

/** A relative specifier as a path from the project root; anything else as it is written. */
function target(file: string, specifier: string): string {
  if (!specifier.startsWith('.')) return specifier;
  return relative(ROOT, resolve(ROOT, dirname(file), specifier))
    .split(sep)
    .join('/');
}

const NODE_BUILTINS = new Set([
  'fs',
  'path',
  'os',
  'child_process',
  'crypto',
  'util',
  'url',
  'http',
  'https',
]);
const isNode = (specifier: string) =>
  specifier.startsWith('node:') || NODE_BUILTINS.has(specifier.split('/')[0] ?? '');
const under = (folder: string) => (path: string) => path.startsWith(`${folder}/`);

/** What reads configuration from the environment. */
const ENVIRONMENT_READ = /\bprocess\.env\b|\bNetlify\.env\b|\bimport\.meta\.env\b/;
/** What reads the clock: `Date.now()`, `new Date()` with no argument, `performance.now()`. */
const CLOCK_READ = /\bDate\.now\(|\bnew Date\(\)|\bperformance\.now\(/;

/**
 * The reads of the environment outside the composition root, the one variable each touches, and
 * why: neither is a setting of Redress. Git is a program on the machine's `PATH`, which is how the
 * operating system finds programs; `NODE_ENV` is which build of React runs, and must be set before
 * React loads, long before the composition root is.
 */
const ENVIRONMENT_EXCEPTIONS: Record<string, string> = {
  'src/adapters/git.ts': 'PATH',
  'src/composition/production-mode.ts': 'NODE_ENV',
};
const COMPOSITION_ROOT = 'src/composition/settings.ts';

interface Violation {
  file: string;
  rule: string;
}

/** Every way `files` (path → text) break the architecture, one entry per file and rule. */
function architectureViolations(files: ReadonlyMap<string, string>): Violation[] {
  const violations: Violation[] = [];
  for (const [file, text] of files) {
    const code = text.replace(/\/\*[\s\S]*?\*\/|(^|[^:'"`])\/\/.*$/gm, '$1');
    const targets = importsOf(code).map((specifier) => target(file, specifier));
    const broken = (rule: string, yes: boolean) => {
      if (yes) violations.push({ file, rule });
    };
    if (under('src/core')(file)) {
      broken('the core imports Node', targets.some(isNode));
      for (const layer of ['src/adapters', 'src/use-cases', 'src/composition', 'src/ports', 'src/http']) {
        broken(`the core imports ${layer}`, targets.some(under(layer)));
      }
      broken('the core reads the clock', CLOCK_READ.test(code));
      broken('the core reads the process', /\bprocess\./.test(code));
      broken('the core fetches', /\bfetch\(/.test(code));
    }
    if (under('src/use-cases')(file)) {
      broken('a use case imports an adapter', targets.some(under('src/adapters')));
      broken('a use case imports the composition root', targets.some(under('src/composition')));
    }
    if (under('src/adapters')(file) || under('src/ports')(file)) {
      broken('an adapter or port imports a use case', targets.some(under('src/use-cases')));
      broken('an adapter or port imports the composition root', targets.some(under('src/composition')));
    }
    if (file !== COMPOSITION_ROOT && ENVIRONMENT_READ.test(code)) {
      const variable = ENVIRONMENT_EXCEPTIONS[file];
      const reads = code.replace(new RegExp(`\\bprocess\\.env\\.${variable}\\b`, 'g'), '');
      const allowed = variable !== undefined && !ENVIRONMENT_READ.test(reads);
      broken('reads the environment outside the composition root', !allowed);
    }
  }
  return violations;
}

describe('the architecture', () => {
  it('holds for every source file of Redress', () => {
    const files = new Map(sourceFiles().map((file) => [file, readFileSync(join(ROOT, file), 'utf8')]));
    expect(files.size).toBeGreaterThan(50);
    expect(architectureViolations(files)).toEqual([]);
  });

  it.each([
    ['src/core/x.ts', "import { readFile } from 'node:fs/promises';", 'the core imports Node'],
    ['src/core/x.ts', "import { join } from 'path';", 'the core imports Node'],
    [
      'src/core/x.ts',
      "import { GitHubCaseStore } from '../adapters/github-case-store.ts';",
      'the core imports src/adapters',
    ],
    [
      'src/core/x.ts',
      "export { sweepDeadlines } from '../use-cases/sweep-deadlines.ts';",
      'the core imports src/use-cases',
    ],
    [
      'src/core/x.ts',
      "const m = await import('../composition/services.ts');",
      'the core imports src/composition',
    ],
    ['src/core/x.ts', 'export const today = () => new Date();', 'the core reads the clock'],
    ['src/core/x.ts', 'export const now = Date.now();', 'the core reads the clock'],
    ['src/core/x.ts', 'export const home = process.env.HOME;', 'the core reads the process'],
    [
      'src/use-cases/x.ts',
      "import { holidayCalendar } from '../adapters/holidays.ts';",
      'a use case imports an adapter',
    ],
    [
      'src/use-cases/x.ts',
      "import { services } from '../composition/services.ts';",
      'a use case imports the composition root',
    ],
    [
      'src/adapters/x.ts',
      "import { drainIntake } from '../use-cases/drain-intake.ts';",
      'an adapter or port imports a use case',
    ],
    [
      'functions/x.mts',
      'const key = process.env.RESEND_API_KEY;',
      'reads the environment outside the composition root',
    ],
    [
      'src/pages/x.astro',
      '---\nconst owner = process.env.GITHUB_CASE_OWNER;\n---',
      'reads the environment outside the composition root',
    ],
    ['cms/x.ts', 'const key = Netlify.env.get("X");', 'reads the environment outside the composition root'],
    [
      'src/adapters/git.ts',
      'const token = process.env.GITHUB_TOKEN;',
      'reads the environment outside the composition root',
    ],
    [
      'src/composition/production-mode.ts',
      "process.env.NODE_ENV ??= process.env.CONTEXT ?? 'production';",
      'reads the environment outside the composition root',
    ],
  ])('finds it when %s has `%s`', (file, text, rule) => {
    expect(architectureViolations(new Map([[file, text]]))).toContainEqual({ file, rule });
  });

  it.each([
    ['src/core/x.ts', "import { z } from 'zod';\nexport const at = (now: Date) => new Date(now);"],
    ['src/core/x.ts', '// Date.now() is never read here: today is an argument.'],
    ['src/use-cases/x.ts', "import type { CaseStore } from '../ports/case-store.ts';"],
    ['src/composition/settings.ts', 'const url = process.env.URL;'],
    ['src/adapters/git.ts', "const PATH = process.env.PATH ?? '';"],
    ['src/composition/production-mode.ts', "process.env.NODE_ENV ??= 'production';"],
  ])('lets %s have `%s`', (file, text) => {
    expect(architectureViolations(new Map([[file, text]]))).toEqual([]);
  });
});
