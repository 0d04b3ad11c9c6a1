/**
 * Imported first by every function, before anything that loads React. A deployed function runs
 * where nothing sets `NODE_ENV`, and React then renders every page and email with its development
 * build: about a third slower, with its warnings in the logs. `astro dev` and the tests set their
 * own value, which is kept.
 */
process.env.NODE_ENV ??= 'production';
