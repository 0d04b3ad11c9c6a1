// Serves the built site as Netlify would: dist/ with its redirects and headers, plus the functions in
// functions/, offline, through @netlify/dev's programmatic API. Used by Playwright's webServer.
//   node tests/e2e/support/serve.mjs [port]     (default 4322; build first with `astro build`)
import { createServer } from 'node:http';
import { fileURLToPath } from 'node:url';
import { NetlifyDev } from '@netlify/dev';

const projectRoot = fileURLToPath(new URL('../../../', import.meta.url));
const port = Number(process.argv[2] ?? process.env.PORT ?? 4322);

const netlify = new NetlifyDev({
  projectRoot,
  // No account, network or Deno here: an empty token stops it looking for one, and edge functions,
  // images, geolocation, AI gateway and database emulation stay off.
  apiToken: '',
  skipGitignore: true,
  // Only edge functions and images call back to the server; both are off, but the option must be set.
  serverAddress: `http://127.0.0.1:${port}`,
  edgeFunctions: { enabled: false },
  environmentVariables: { enabled: false },
  geolocation: { enabled: false },
  images: { enabled: false },
  aiGateway: { enabled: false },
  database: { enabled: false },
});
await netlify.start();

/** Copies a fetch `Response` onto Node's response, keeping repeated headers such as Set-Cookie. */
async function send(response, res) {
  res.statusCode = response.status;
  for (const [name, value] of response.headers) {
    if (name === 'set-cookie') continue;
    res.setHeader(name, value);
  }
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) res.setHeader('set-cookie', cookies);
  res.end(Buffer.from(await response.arrayBuffer()));
}

const server = createServer(async (req, res) => {
  try {
    const match = await netlify.handleAndIntrospectNodeRequest(req);
    if (match === undefined) {
      res.statusCode = 404;
      res.setHeader('content-type', 'text/plain; charset=utf-8');
      res.end('Not found');
      return;
    }
    await send(match.response, res);
  } catch (error) {
    console.error(error);
    res.statusCode = 500;
    res.end('Server error');
  }
});

server.on('error', async (error) => {
  console.error(`Cannot serve on port ${port}: ${error.message}`);
  await netlify.stop();
  process.exit(1);
});
server.listen(port, '127.0.0.1', () => {
  console.log(`Serving dist/ and functions/ at http://127.0.0.1:${port}/`);
});

const stop = async () => {
  server.close();
  await netlify.stop();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
