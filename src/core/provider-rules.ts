import { describePeriod } from './deadlines.ts';
import type { Period } from './period.ts';
import type { ClockRule, Provider, RespondRule, Stage } from './provider.ts';

/** The clocks a stage can run, as named in `<stage>.<clock>` rule references. */
export const RULE_CLOCKS = ['acknowledge', 'holding-reply', 'respond', 'escalate', 'chase'] as const;
export type RuleClock = (typeof RULE_CLOCKS)[number];

/** The clocks of the whole procedure rather than of a stage, named on their own. */
export const PROVIDER_RULES = ['write-up', 'time-limit'] as const;
type ProviderRule = (typeof PROVIDER_RULES)[number];

function providerPeriod(provider: Provider, rule: ProviderRule): Period | undefined {
  switch (rule) {
    case 'write-up':
      return provider.oralWriteUp?.within;
    case 'time-limit':
      return provider.timeLimit?.within;
    default: {
      const unreachable: never = rule;
      throw new Error(`unknown rule ${String(unreachable)}`);
    }
  }
}

function stagePeriod(stage: Stage, clock: RuleClock): Period | 'handler-sets-date' | undefined {
  switch (clock) {
    case 'acknowledge':
      return stage.acknowledge?.within;
    case 'holding-reply':
      return stage.holdingReply?.within;
    case 'respond':
      if (stage.respond === undefined) return undefined;
      return 'setBy' in stage.respond ? 'handler-sets-date' : stage.respond.within;
    case 'escalate':
      return stage.escalateWithin?.within;
    case 'chase':
      return stage.chase?.after;
    default: {
      const unreachable: never = clock;
      throw new Error(`unknown clock ${String(unreachable)}`);
    }
  }
}

/**
 * Finds the period behind a rule reference like `stage-1.respond` (or `write-up`, `time-limit`),
 * or says in plain words why there is none.
 */
export function findRule(
  provider: Provider,
  reference: string,
): { ok: true; period: Period } | { ok: false; problem: string } {
  if ((PROVIDER_RULES as readonly string[]).includes(reference)) {
    const period = providerPeriod(provider, reference as ProviderRule);
    return period === undefined
      ? { ok: false, problem: `${provider.name}'s policy sets no ${reference} period` }
      : { ok: true, period };
  }
  const [stageId, clock, ...rest] = reference.split('.');
  const stageIds = provider.stages.map((stage) => stage.id).join(', ');
  if (stageId === undefined || clock === undefined || rest.length > 0) {
    return {
      ok: false,
      problem: `a rule is written <stage>.<clock>, e.g. stage-1.respond, or is one of ${PROVIDER_RULES.join(', ')} (found "${reference}")`,
    };
  }
  const stage = provider.stages.find((candidate) => candidate.id === stageId);
  if (stage === undefined) {
    return { ok: false, problem: `${provider.name} has no stage "${stageId}"; its stages are: ${stageIds}` };
  }
  if (!(RULE_CLOCKS as readonly string[]).includes(clock)) {
    return { ok: false, problem: `there is no clock "${clock}"; the clocks are: ${RULE_CLOCKS.join(', ')}` };
  }
  const period = stagePeriod(stage, clock as RuleClock);
  if (period === undefined) {
    return { ok: false, problem: `${provider.name}'s ${stage.name} has no ${clock} clock` };
  }
  if (period === 'handler-sets-date') {
    return {
      ok: false,
      problem: `${provider.name}'s ${stage.name} has no fixed ${clock} clock: the handler sets the date for each case`,
    };
  }
  return { ok: true, period };
}

/** A rule in a few words for tables: "15 working days", "set by the handler", or "—" when there is none. */
export function describeRule(rule: ClockRule | RespondRule | undefined): string {
  if (rule === undefined) return '—';
  return 'setBy' in rule ? 'set by the handler' : describePeriod(rule.within);
}
