import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const SERVER = fileURLToPath(new URL('../../../node_modules/decap-server/dist/index.js', import.meta.url));

/**
 * Starts Decap's local backend as `npm start` does (scripts/start.mjs): `git` mode commits every
 * save in `directory`, `fs` mode writes the files. Resolves once it listens on `port`.
 */
export function startDecapServer(options: {
  port: number;
  mode: 'git' | 'fs';
  directory: string;
  env?: Record<string, string>;
}): Promise<ChildProcess> {
  const server = spawn(process.execPath, [SERVER], {
    env: {
      ...process.env,
      ...options.env,
      PORT: String(options.port),
      MODE: options.mode,
      GIT_REPO_DIRECTORY: options.directory,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    server.stdout?.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('listening')) resolve(server);
    });
    server.on('exit', (code) =>
      reject(
        new Error(
          `decap-server stopped (exit ${code}): is something else, such as \`npm start\`, using port ${options.port}?`,
        ),
      ),
    );
  });
}
