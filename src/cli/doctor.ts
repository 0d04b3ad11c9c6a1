import { parseArgs } from 'node:util';
import { netlifyBlobs } from '../composition/settings.ts';
import { describeDeploymentGaps, findDeploymentGaps } from '../core/deployment-gaps.ts';
import type { Command } from './arguments.ts';

/**
 * Lists every configuration gap of this deployment with its fix, and exits 1 when something would
 * silently not be sent. It reads settings and content only, never the services: a half-set
 * deployment (a Resend key with no sender) is exactly what it must describe, not fail to start on.
 */
export const run: Command = async (args, io, wiring) => {
  parseArgs({ args, options: {}, strict: true });
  const settings = await wiring.settings();
  const content = await wiring.content();
  const gaps = findDeploymentGaps({
    providers: await content.providers(),
    policies: await content.policies(),
    caseTeams: settings.caseTeams,
    publishers: settings.publishers,
    resendApiKey: settings.resend.apiKey !== undefined,
    mailFrom: settings.resend.from !== undefined,
    gitHubToken: settings.gitHub.token !== undefined,
    gitHubCaseOwner: settings.gitHub.caseOwner !== undefined,
    onNetlify: netlifyBlobs(settings) !== undefined,
  });
  const { lines, exitCode } = describeDeploymentGaps(gaps);
  for (const line of lines) io.out(line);
  return exitCode;
};
