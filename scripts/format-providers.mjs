// Rewrites every provider file the way the publishers' editor saves it (cms/provider-file-format.ts),
// so a save from /admin/ changes only what the publisher changed. Part of `npm run format`.
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { buildProviderFields } from '../cms/admin-config.ts';
import { providerFileText, readProviderFile } from '../cms/provider-file-format.ts';

const folder = resolve(import.meta.dirname, '../content/providers');
const fields = buildProviderFields();
for (const name of (await readdir(folder)).filter((file) => file.endsWith('.yaml'))) {
  const path = join(folder, name);
  const text = await readFile(path, 'utf8');
  const canonical = providerFileText(readProviderFile(text), fields);
  if (canonical !== text) {
    await writeFile(path, canonical);
    console.log(`content/providers/${name}: rewritten`);
  }
}
