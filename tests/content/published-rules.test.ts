import { describe, expect, it } from 'vitest';
import { loadPolicies, loadProviders } from '../../src/adapters/content-files.ts';
import type { Period } from '../../src/core/period.ts';
import type { Policy } from '../../src/core/policy.ts';
import type { ClockRule, Provider, RespondRule } from '../../src/core/provider.ts';
import { PUBLISHED_CONTENT } from '../support/site-copy.ts';

/**
 * The content snapshot: every rule of every published provider, and what each policy says about
 * itself, one line each. Unit and integration tests read frozen fixtures, so when a publisher
 * changes a clock in /admin/ this is the one test that fails, and its diff names the change
 * (`cqm stage-1 acknowledge: 4 working days` → `2 working days`). When the change is meant,
 * accept it with `npx vitest run tests/content -u` and commit the snapshot with the content.
 */

const period = ({ count, unit }: Period): string => `${count} ${unit.replace('-', ' ')}`;

const clock = (rule: ClockRule | RespondRule): string =>
  'setBy' in rule
    ? 'set by the handler'
    : `${period(rule.within)}${rule.appliesTo ? ` (for ${rule.appliesTo.join(', ')})` : ''}`;

/** One line per rule of a provider, in the order its file sets them out. */
function rulesOf(provider: Provider): string[] {
  const { slug, representatives, timeLimit, report, external } = provider;
  const lines = [
    `${slug} nation: ${provider.nation}`,
    `${slug} channels: ${provider.channels.accepted.join(', ')}`,
    `${slug} case team: ${provider.caseTeam?.emails.join(', ') ?? 'none'}`,
    `${slug} time limit: ${timeLimit ? period(timeLimit.within) : 'none'}`,
    `${slug} exclusions: ${provider.exclusions.map((e) => `${e.topic} → ${e.routeTo}`).join('; ') || 'none'}`,
    `${slug} representatives: ${
      representatives
        ? `${representatives.reasons.join(', ') || 'anyone chosen'}; consent ${representatives.consent}`
        : 'not stated'
    }`,
    `${slug} under 18: ${provider.under18?.rule ?? 'none'}`,
    `${slug} oral write-up: ${provider.oralWriteUp ? clock(provider.oralWriteUp) : 'none'}`,
  ];
  for (const stage of provider.stages) {
    const at = `${slug} ${stage.id}`;
    lines.push(
      `${at}: ${stage.informal ? 'informal, ' : ''}handled by ${stage.handler.contact ?? 'no contact the policy gives'}`,
    );
    if (stage.acknowledge) lines.push(`${at} acknowledge: ${clock(stage.acknowledge)}`);
    if (stage.holdingReply) {
      const { within, tellsOutcomeDate } = stage.holdingReply;
      lines.push(
        `${at} holding reply: ${period(within)}${tellsOutcomeDate ? ', says when to expect the outcome' : ''}`,
      );
    }
    if (stage.respond) lines.push(`${at} respond: ${clock(stage.respond)}`);
    if (stage.interim) {
      lines.push(
        `${at} interim response: ${stage.interim.tellsNewDate ? 'says when to expect the full reply' : 'yes'}`,
      );
    }
    if (stage.delayNotice) lines.push(`${at} delay notice: yes`);
    if (stage.chase)
      lines.push(`${at} chase: ${period(stage.chase.after)}, notify ${stage.chase.notify.join(', ')}`);
    if (stage.escalateWithin) lines.push(`${at} escalate: ${clock(stage.escalateWithin)}`);
    if (stage.independence) lines.push(`${at} independence: excludes ${stage.independence.excludes}`);
    if (stage.escalationContacts.length > 0) {
      lines.push(`${at} overdue notices to: ${stage.escalationContacts.join(', ')}`);
    }
  }
  lines.push(
    `${slug} external route: ${external === undefined ? 'none' : `${external.name}, ${external.when}`}`,
    `${slug} reminders due soon: ${period(provider.reminders.dueSoon)}`,
    `${slug} report: ${
      report
        ? `${report.cadence} to ${report.recipients}${report.anonymised ? ', anonymised' : ''}, mailed to ${report.mailTo.join(', ')}`
        : 'none'
    }`,
    `${slug} case store: ${provider.caseStore.repository}/${provider.caseStore.folder ?? ''}`,
  );
  return lines;
}

/** What a policy says about itself: its version and dates, where it states them. */
function describePolicy(policy: Policy): string {
  const stated = [
    policy.version && `version ${policy.version}`,
    policy.approvedBy && `approved by ${policy.approvedBy}`,
    policy.approvedOn && `approved on ${policy.approvedOn}`,
    policy.reviewDate && `review date ${policy.reviewDate}`,
    policy.nextReviewDate && `next review ${policy.nextReviewDate}`,
  ].filter(Boolean);
  return stated.join('; ') || 'states no version or dates';
}

describe('the content snapshot', () => {
  it('every published rule and policy date is as last reviewed (update with `npx vitest run tests/content -u`)', async () => {
    const providers = (await loadProviders(PUBLISHED_CONTENT.providers)).sort((a, b) =>
      a.slug.localeCompare(b.slug),
    );
    const policies = await loadPolicies(PUBLISHED_CONTENT.policies);
    const lines = [
      ...providers.flatMap(rulesOf),
      ...policies.map(([slug, policy]) => `${slug} policy: ${describePolicy(policy)}`),
    ];
    await expect(`${lines.join('\n')}\n`).toMatchFileSnapshot('__snapshots__/published-rules.txt');
  });
});
