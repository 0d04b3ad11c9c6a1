import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BlobsIntakeQueue } from '../../src/adapters/blobs-intake-queue.ts';
import { GitHubCaseStore } from '../../src/adapters/github-case-store.ts';
import { LocalFileIntakeQueue } from '../../src/adapters/local-file-intake-queue.ts';
import { LocalGitCaseStore } from '../../src/adapters/local-git-case-store.ts';
import { LocalOutboxMailer } from '../../src/adapters/local-outbox-mailer.ts';
import { ResendMailer } from '../../src/adapters/resend-mailer.ts';
import { servicesFrom } from '../../src/composition/services.ts';
import {
  ENVIRONMENT_VARIABLES,
  type Environment,
  readEnvironment,
  settingsFrom,
} from '../../src/composition/settings.ts';
import { fixtureServices } from '../support/fixtures.ts';
import { startGitHubStandIn } from '../support/github-stand-in.ts';

const provider = (repository: string) => ({ caseStore: { repository, folder: 'acme' } });

/** The services the composition root makes of `environment`, run from this folder. */
const chooseAdapters = (environment: Environment) => servicesFrom(settingsFrom(environment));

/** A Blobs context as Netlify's runtime encodes it. */
const blobsContext = (edgeURL: string) =>
  Buffer.from(
    JSON.stringify({
      edgeURL,
      uncachedEdgeURL: edgeURL,
      siteID: 'site',
      token: 'token',
      primaryRegion: 'us-east-2',
    }),
  ).toString('base64');

describe('choosing adapters from the environment', () => {
  it('runs everything on this machine under .data when nothing is configured', () => {
    const chosen = chooseAdapters({});
    const dataDir = join(process.cwd(), '.data');
    expect(chosen.settings.dataDir).toBe(dataDir);
    const store = chosen.caseStore(provider('redress-cases'));
    expect(store).toBeInstanceOf(LocalGitCaseStore);
    expect((store as LocalGitCaseStore).directory).toBe(join(dataDir, 'cases'));
    expect(chosen.intakeQueue).toEqual(new LocalFileIntakeQueue(join(dataDir, 'intake')));
    expect(chosen.mailer).toEqual(new LocalOutboxMailer(join(dataDir, 'outbox')));
  });

  it('keeps local data under REDRESS_DATA_DIR when it is set', () => {
    const chosen = chooseAdapters({ REDRESS_DATA_DIR: '/srv/redress-data' });
    expect(chosen.settings.dataDir).toBe('/srv/redress-data');
    expect((chosen.caseStore(provider('x')) as LocalGitCaseStore).directory).toBe('/srv/redress-data/cases');
  });

  it('gives every provider of a process the same local store, so all writes share one commit queue', () => {
    const chosen = chooseAdapters({});
    expect(chosen.caseStore(provider('one'))).toBe(chosen.caseStore(provider('two')));
  });

  it('commits to GitHub when GITHUB_TOKEN is set: one store per repository', () => {
    const chosen = chooseAdapters({ GITHUB_TOKEN: 'ghp_x', GITHUB_CASE_OWNER: 'acme-training' });
    const store = chosen.caseStore(provider('redress-cases'));
    expect(store).toBeInstanceOf(GitHubCaseStore);
    expect(chosen.caseStore(provider('acme-training/redress-cases'))).not.toBe(store);
    expect(chosen.caseStore(provider('redress-cases'))).toBe(store);
  });

  it('explains how to name the owner of a case repository given without one', () => {
    const chosen = chooseAdapters({ GITHUB_TOKEN: 'ghp_x' });
    expect(() => chosen.caseStore(provider('redress-cases'))).toThrow(
      'the case repository "redress-cases" names no GitHub owner: write it as "owner/redress-cases" in the provider file, or set GITHUB_CASE_OWNER',
    );
  });

  it('commits through the GitHub API named by GITHUB_API_URL, on GITHUB_CASE_BRANCH', async () => {
    const standIn = await startGitHubStandIn({ branch: 'cases' });
    try {
      const chosen = chooseAdapters({
        GITHUB_TOKEN: standIn.token,
        GITHUB_API_URL: standIn.url,
        GITHUB_CASE_BRANCH: 'cases',
      });
      const store = chosen.caseStore(provider(`${standIn.owner}/${standIn.repo}`));
      expect((await store.create('acme/2026/a.yaml', 'a\n', 'Receive A')).created).toBe(true);
      expect(standIn.commitMessages()).toEqual(['Receive A']);
    } finally {
      await standIn.close();
    }
  });

  it('mails through Resend when RESEND_API_KEY is set, from MAIL_FROM', () => {
    const chosen = chooseAdapters({
      RESEND_API_KEY: 're_x',
      MAIL_FROM: 'Complaints <complaints@example.org>',
    });
    expect(chosen.mailer).toBeInstanceOf(ResendMailer);
  });

  it('refuses a Resend key without a sender, saying what to set', () => {
    expect(() => chooseAdapters({ RESEND_API_KEY: 're_x' })).toThrow(
      'RESEND_API_KEY is set but MAIL_FROM is not: set MAIL_FROM to the sender, e.g. "Complaints <complaints@example.org>"',
    );
  });

  it('queues intake in Netlify Blobs on Netlify, but keeps the local queue under Netlify’s local emulation', () => {
    expect(
      chooseAdapters({ NETLIFY_BLOBS_CONTEXT: blobsContext('https://edge.netlify.example') }).intakeQueue,
    ).toBeInstanceOf(BlobsIntakeQueue);
    expect(
      chooseAdapters({ NETLIFY_BLOBS_CONTEXT: blobsContext('http://127.0.0.1:41234') }).intakeQueue,
    ).toBeInstanceOf(LocalFileIntakeQueue);
  });
});

describe('reading the environment', () => {
  const netlify = globalThis as { Netlify?: unknown };
  afterEach(() => {
    delete netlify.Netlify;
  });

  it('reads only the listed variables, ignores empty ones, and lets a Netlify function’s env win', () => {
    process.env.MAIL_FROM = 'From process <process@example.org>';
    process.env.RESEND_API_KEY = '';
    netlify.Netlify = {
      env: { toObject: () => ({ MAIL_FROM: 'From Netlify <netlify@example.org>', OTHER: 'x' }) },
    };
    try {
      const environment: Environment & Record<string, unknown> = readEnvironment();
      expect(environment.MAIL_FROM).toBe('From Netlify <netlify@example.org>');
      expect('RESEND_API_KEY' in environment).toBe(false);
      expect('OTHER' in environment).toBe(false);
    } finally {
      delete process.env.MAIL_FROM;
      delete process.env.RESEND_API_KEY;
    }
  });

  it('lists each variable once, with a description for the README', () => {
    const names = ENVIRONMENT_VARIABLES.map((variable) => variable.name);
    expect(new Set(names).size).toBe(names.length);
    for (const variable of ENVIRONMENT_VARIABLES) expect(variable.description.length).toBeGreaterThan(20);
  });
});

describe('case teams set for a deployment', () => {
  it('replace the provider file’s case team for the providers CASE_TEAM_EMAILS names, and only those', async () => {
    const providers = await fixtureServices({
      CASE_TEAM_EMAILS: 'cqm=complaints@cqm.example, cqm=md@cqm.example,dynamic-training=not an address',
    }).providers();
    const teams = Object.fromEntries(providers.map((each) => [each.slug, each.caseTeam?.emails]));
    expect(teams.cqm).toEqual(['complaints@cqm.example', 'md@cqm.example']);
    // An entry that is not an address is left for `complaints doctor` to report.
    expect(teams['dynamic-training']).toEqual(['complaints@dynamictraining.org.uk']);
    expect(teams['ace-training']).toBeUndefined();
  });
});

describe('the chosen local adapters work together in a fresh folder', () => {
  it('creates the case repository, queue and outbox under the data folder on first use', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'redress-data-'));
    try {
      const chosen = chooseAdapters({ REDRESS_DATA_DIR: dataDir });
      await chosen.caseStore(provider('redress-cases')).create('acme/2026/a.yaml', 'a\n', 'Receive A');
      await chosen.intakeQueue.accept({
        key: 'key-aaaaaaaa',
        reference: 'A',
        payload: {},
        acceptedAt: '2026-01-01T09:00:00Z',
      });
      await chosen.mailer.send({
        to: ['ada@example.org'],
        subject: 'Received',
        text: 'Received\n',
        html: '<p>Received</p>',
        idempotencyKey: 'acknowledge/A',
        tag: 'acknowledgement',
      });
      expect(
        (await new LocalOutboxMailer(join(dataDir, 'outbox')).sent()).map((entry) => entry.message.subject),
      ).toEqual(['Received']);
      expect(await new LocalFileIntakeQueue(join(dataDir, 'intake')).pending()).toHaveLength(1);
      expect(await new LocalGitCaseStore(join(dataDir, 'cases')).list('acme/')).toEqual(['acme/2026/a.yaml']);
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
