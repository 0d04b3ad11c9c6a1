import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getStore, type Store } from '@netlify/blobs';
import { BlobsServer } from '@netlify/blobs/server';

/** An adapter under test, the folder that holds what it stores, and how to remove it all. */
export interface Opened<T> {
  adapter: T;
  directory: string;
  close(): Promise<void>;
}

/**
 * The store `name` of Netlify's own local Blobs server, as `netlify dev` runs it: the real client
 * over real HTTP, keeping its blobs in a temporary folder of its own.
 */
export async function openLocalBlobs(name: string): Promise<Opened<Store>> {
  const directory = await mkdtemp(join(tmpdir(), 'redress-blobs-'));
  const token = 'local-test-token';
  const server = new BlobsServer({ directory, token });
  const { port } = await server.start();
  const url = `http://127.0.0.1:${port}`;
  return {
    adapter: getStore({
      name,
      siteID: 'redress-test-site',
      token,
      edgeURL: url,
      uncachedEdgeURL: url,
      consistency: 'strong',
    }),
    directory,
    close: async () => {
      await server.stop();
      await rm(directory, { recursive: true, force: true });
    },
  };
}

/**
 * A port's two adapters, for `describe.each`: the local one over a temporary folder, and the Netlify
 * Blobs one over the store `store` of a local Blobs server. `noun` names them: "the local file
 * ledger", "the Netlify Blobs ledger".
 */
export function localAndBlobsAdapters<T>(
  noun: string,
  store: string,
  local: (directory: string) => T,
  blobs: (store: Store) => T,
): [string, () => Promise<Opened<T>>][] {
  return [
    [
      `the local file ${noun}`,
      async () => {
        const directory = await mkdtemp(join(tmpdir(), `redress-${store}-`));
        return {
          adapter: local(directory),
          directory,
          close: () => rm(directory, { recursive: true, force: true }),
        };
      },
    ],
    [
      `the Netlify Blobs ${noun}`,
      async () => {
        const opened = await openLocalBlobs(store);
        return { ...opened, adapter: blobs(opened.adapter) };
      },
    ],
  ];
}
