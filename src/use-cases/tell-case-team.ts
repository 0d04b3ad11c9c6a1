import { type CaseNeedingAttention, needsAttentionMessage } from '../core/notice-messages.ts';
import type { Provider } from '../core/provider.ts';
import type { Log } from '../ports/log.ts';
import type { Mailer } from '../ports/mailer.ts';
import type { NoticeLedger } from '../ports/notice-ledger.ts';

/**
 * Batch work never stops for one case (DESIGN, "After stage 1"): a sweep, drain or retention run
 * that cannot read or replay a case skips it, names it, and tells the provider's case team once.
 */

/** A case a batch job skipped, and where it is. */
export interface SkippedCase extends CaseNeedingAttention {
  provider: string;
  path: string;
  /**
   * The stored version of what was skipped: the case team is told again only once it has changed
   * and is still wrong, not on every run.
   */
  version: string;
}

export interface CaseTeamServices {
  mailer: Mailer;
  noticeLedger: NoticeLedger;
  log: Log;
  caseUrl(provider: Provider, path: string): string;
}

/** The ledger key of a skipped case: its name made safe as a key, and the version it was skipped at. */
export function needsAttentionKey(skipped: Pick<SkippedCase, 'name' | 'version'>): string {
  const safe = (text: string) => text.replace(/[^A-Za-z0-9_-]+/g, '-');
  return `${safe(skipped.name.replace(/\.yaml$/, ''))}.needs-attention.${safe(skipped.version).slice(0, 16)}`;
}

/**
 * Names the skipped case in the log and, unless `dryRun`, mails the provider's case team about it
 * once (the ledger keeps it to one email per version of the case). Never throws: the job carries on.
 */
export async function tellCaseTeam(
  services: CaseTeamServices,
  provider: Provider,
  skipped: SkippedCase,
  dryRun: boolean,
): Promise<void> {
  // The log holds names and paths only: the problem may name a stage or a date, never a person.
  services.log('case.needs-attention', { provider: skipped.provider, case: skipped.name });
  const to = provider.caseTeam?.emails ?? [];
  if (dryRun || to.length === 0) return;
  const key = needsAttentionKey(skipped);
  try {
    if ((await services.noticeLedger.record(key)) === 'sent') return;
    await services.mailer.send({
      to,
      ...needsAttentionMessage(provider, skipped, services.caseUrl(provider, skipped.path)),
      idempotencyKey: key,
      tag: 'needs-attention',
    });
    await services.noticeLedger.markSent(key);
  } catch (error) {
    services.log('case.needs-attention-unsent', { case: skipped.name, reason: (error as Error).message });
  }
}

/** The skipped cases as a person reads them, one line each. */
export function describeSkipped(skipped: readonly SkippedCase[]): string[] {
  return skipped.map((each) => `skipped ${each.name} (${each.provider}): ${each.problem}`);
}
