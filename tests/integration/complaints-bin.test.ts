import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { servicesFrom } from '../../src/composition/services.ts';
import { settingsFrom } from '../../src/composition/settings.ts';
import { givenCase, givenProvider } from '../unit/given-case.ts';

const run = promisify(execFile);
const root = fileURLToPath(new URL('../..', import.meta.url));

describe('npx complaints, as a person runs it', () => {
  it('prints the due date and nothing else', async () => {
    const { stdout } = await run(
      'npx',
      ['complaints', 'due', '--nation', 'england-and-wales', '--from', '2026-12-18', '--working-days', '15'],
      { cwd: root },
    );
    expect(stdout).toBe('2027-01-13\n');
  });

  it('runs the code as it is now: after a file it is made from changes, its bundle is built again', async () => {
    const due = ['complaints', 'due', '--nation', 'scotland', '--from', '2026-12-31', '--working-days', '1'];
    const build = async () =>
      JSON.parse(await readFile(join(root, 'node_modules/.cache/complaints/manifest.json'), 'utf8')).build;
    await run('npx', due, { cwd: root });
    const before = await build();
    // A save that changes nothing but the file's time is enough to count as a change.
    const now = new Date();
    await utimes(join(root, 'src/core/deadlines.ts'), now, now);
    const { stdout } = await run('npx', due, { cwd: root });
    expect(stdout).toBe('2027-01-05\n');
    expect(await build()).not.toBe(before);
  });

  it('exits 2 with the usage when the arguments are wrong', async () => {
    const failure = await run(
      'npx',
      ['complaints', 'due', '--nation', 'mars', '--from', '2026-01-05', '--weeks', '2'],
      { cwd: root },
    ).catch((error: { code: number; stdout: string; stderr: string }) => error);
    expect(failure).toMatchObject({ code: 2, stdout: '' });
    expect((failure as { stderr: string }).stderr).toContain('--nation must be one of');
  });

  it('drain commits what the case store missed, from the data folder it is given', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'redress-drain-'));
    try {
      const { stdout } = await run('npx', ['complaints', 'drain'], {
        cwd: root,
        env: { ...process.env, REDRESS_DATA_DIR: dir },
      });
      expect(stdout).toBe('0 pending, 0 committed, 0 still pending, 0 skipped\n');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('drain exits 1 when a complaint is still pending because the case store cannot take it', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'redress-drain-'));
    try {
      const complaint = givenCase(await givenProvider('cqm'), '2026-11-23');
      await servicesFrom(settingsFrom({ REDRESS_DATA_DIR: dir })).intakeQueue.accept({
        key: 'key-pending0',
        reference: complaint.reference,
        payload: complaint,
        acceptedAt: complaint.receivedAt,
      });
      // A file where the case repository belongs: git cannot make the repository there.
      await writeFile(join(dir, 'cases'), '');
      const failure = await run('npx', ['complaints', 'drain'], {
        cwd: root,
        env: { ...process.env, REDRESS_DATA_DIR: dir },
      }).catch((error: { code: number; stdout: string }) => error);
      expect(failure).toMatchObject({ code: 1 });
      expect((failure as { stdout: string }).stdout).toContain(
        '1 pending, 0 committed, 1 still pending, 0 skipped\n',
      );
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
