#!/usr/bin/env node
import { runComplaints } from '../src/cli/complaints.ts';

process.exitCode = await runComplaints(process.argv.slice(2), {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
});
