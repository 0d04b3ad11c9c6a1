#!/usr/bin/env node
// Plain JavaScript, so that Node has nothing to compile before its compile cache is on: the bundle
// of the command is then compiled on its first run and read back from the cache after that.
import { enableCompileCache } from 'node:module';
import { commandBundle } from './command-bundle.mjs';

enableCompileCache();
const { runComplaints } = await import(await commandBundle());

process.exitCode = await runComplaints(process.argv.slice(2), {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
});
