// Imports nothing, so the editors' browser code can read the same defaults as the server.

/** Where everything runs when nothing is configured: this machine. */
const DEV_SERVER_PORT = 4321;

export const DEFAULTS = {
  /** Where `npm start` serves the site and its functions. */
  devServerPort: DEV_SERVER_PORT,
  siteUrl: `http://localhost:${DEV_SERVER_PORT}`,
  /** Under the folder Redress runs from, beside `content/`; never inside what Vite watches or functions bundle (see astro.config.mjs). */
  dataFolder: '.data',
  /** The providers' procedures and policies, published with the site. */
  contentFolder: 'content',
  branch: 'main',
  gitHubApiUrl: 'https://api.github.com',
  siteRepository: 'redress/redress',
  /** The local backends of the two editors (decap-server), started by `npm start`. */
  caseEditorBackendPort: 8081,
  adminEditorBackendPort: 8082,
  /** Signs escalation links on a machine with no configuration; public, so never for production. */
  escalationLinkSecret: 'redress-development-escalation-links',
} as const;
