import { describe, expect, it } from 'vitest';
import { fixtureWiring, runCommand } from '../support/fixtures.ts';

const wiring = fixtureWiring();

function run(...argv: string[]) {
  return runCommand(wiring, argv);
}

describe('complaints due', () => {
  it.each([
    // Received Friday 18 December 2026: 21, 22, 23, 24 Dec, then 29, 30, 31 Dec, 4 Jan... (25, 28 Dec and 1 Jan are holidays)
    [['--nation', 'england-and-wales', '--from', '2026-12-18', '--working-days', '15'], '2027-01-13'],
    [['--nation', 'scotland', '--from', '2026-12-31', '--working-days', '1'], '2027-01-05'],
    [['--nation', 'northern-ireland', '--from', '2027-03-16', '--working-days', '1'], '2027-03-18'],
    [['--nation', 'england-and-wales', '--from', '2026-11-27', '--calendar-days', '10'], '2026-12-07'],
    [['--nation', 'england-and-wales', '--from', '2028-01-04', '--weeks', '8'], '2028-02-29'],
  ])('%j prints only the due date', async (argv, expected) => {
    expect(await run('due', ...argv)).toEqual({ code: 0, out: expected, err: '' });
  });

  it.each([
    [['--provider', 'cqm', '--rule', 'stage-1.acknowledge', '--from', '2026-12-18'], '2026-12-24'],
    [['--provider', 'cqm', '--rule', 'stage-1.respond', '--from', '2026-12-18'], '2027-01-13'],
    [['--provider', 'cqm', '--rule', 'stage-2.escalate', '--from', '2026-12-18'], '2026-12-28'],
    // CQM: "we will make a written record and provide a copy of it within 3 working days".
    [['--provider', 'cqm', '--rule', 'write-up', '--from', '2026-12-18'], '2026-12-23'],
    // DMM: "normally within 12 weeks of it occurring".
    [
      ['--provider', 'digital-marketing-mentor', '--rule', 'time-limit', '--from', '2026-12-18'],
      '2027-03-12',
    ],
    // Interlearn: "If after 5 working days, the complaint has not been closed"; Christmas Day and
    // the Boxing Day substitute (Monday 28 December) are not working days.
    [['--provider', 'interlearn', '--rule', 'stage-1.chase', '--from', '2026-12-18'], '2026-12-29'],
    // CQM's Chief Executive "will respond normally within 15 working days to inform you of the action".
    [['--provider', 'cqm', '--rule', 'stage-2.holding-reply', '--from', '2026-12-18'], '2027-01-13'],
    [
      ['--provider', 'digital-marketing-mentor', '--rule', 'stage-1.respond', '--from', '2026-11-20'],
      '2026-12-04',
    ],
    [['--provider', 'dynamic-training', '--rule', 'stage-1.respond', '--from', '2026-11-20'], '2026-11-24'],
  ])("a provider's rule %j prints only the due date", async (argv, expected) => {
    expect(await run('due', ...argv)).toEqual({ code: 0, out: expected, err: '' });
  });

  it.each([
    [['--nation', 'wales', '--from', '2026-01-01', '--working-days', '2'], '--nation must be one of'],
    [['--nation', 'scotland', '--from', '2026-02-30', '--working-days', '2'], '--from must be a real date'],
    [['--nation', 'scotland', '--working-days', '2'], '--from is required'],
    [['--nation', 'scotland', '--from', '2026-01-05'], 'give exactly one of --working-days'],
    [
      ['--nation', 'scotland', '--from', '2026-01-05', '--weeks', '2', '--working-days', '3'],
      'give exactly one of',
    ],
    [['--nation', 'scotland', '--from', '2026-01-05', '--working-days', 'ten'], 'whole number of at least 1'],
    [['--nation', 'scotland', '--from', '2026-01-05', '--working-days', '0'], 'whole number of at least 1'],
    [
      ['--provider', 'nobody', '--rule', 'stage-1.respond', '--from', '2026-01-05'],
      'no provider is called "nobody"',
    ],
    [['--provider', 'cqm', '--from', '2026-01-05'], '--rule is required'],
    [['--provider', 'cqm', '--rule', 'stage-9.respond', '--from', '2026-01-05'], 'has no stage "stage-9"'],
    [['--provider', 'cqm', '--rule', 'stage-1.lunch', '--from', '2026-01-05'], 'there is no clock "lunch"'],
    [
      ['--provider', 'interlearn', '--rule', 'time-limit', '--from', '2026-01-05'],
      "Interlearn's policy sets no time-limit period",
    ],
    [
      ['--provider', 'ace-training', '--rule', 'stage-1.respond', '--from', '2026-01-05'],
      'the handler sets the date',
    ],
    [['--colour', 'red'], "Unknown option '--colour'"],
  ])('%j exits 2 saying what is wrong and how to call it', async (argv, message) => {
    const result = await run('due', ...argv);
    expect(result.code).toBe(2);
    expect(result.out).toBe('');
    expect(result.err).toContain(message);
    expect(result.err).toContain('Usage:');
  });
});

describe('complaints', () => {
  it('without a command, or with an unknown one, exits 2 with the usage', async () => {
    expect((await run()).err).toContain('a command is required');
    const unknown = await run('frobnicate');
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain('there is no command "frobnicate"');
    expect((await run('toString')).err).toContain('there is no command "toString"');
  });

  it("providers prints every provider's stages and clocks as a table", async () => {
    const { code, out } = await run('providers');
    expect(code).toBe(0);
    const lines = out.split('\n');
    expect(lines[0]).toMatch(/^provider\s+stage\s+handler\s+acknowledge\s+respond\s+ask for next stage$/);
    expect(lines[1]).toMatch(/^-+( +-+)+$/);
    expect(out).toMatch(/cqm\s+stage-1\s+.*4 working days\s+15 working days\s+15 working days/);
    expect(out).toMatch(/ace-training\s+stage-1\s+.*set by the handler/);
    for (const slug of [
      'digital-marketing-mentor',
      'interlearn',
      'dynamic-training',
      'ace-training',
      'cqm',
    ]) {
      expect(out).toContain(slug);
    }
  });
});
