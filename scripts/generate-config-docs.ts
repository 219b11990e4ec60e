// Writes docs/configuration.md and the README's configuration table from the config schema:
// `npm run docs:config`. A unit test fails when either is stale.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { renderConfigDocs, withReadmeConfigTable } from '../apps/server/src/config/render-config-docs.js';

const docs = fileURLToPath(new URL('../docs/configuration.md', import.meta.url));
writeFileSync(docs, renderConfigDocs());
const readme = fileURLToPath(new URL('../README.md', import.meta.url));
writeFileSync(readme, withReadmeConfigTable(readFileSync(readme, 'utf8')));
console.log(`wrote ${docs} and the table in ${readme}`);
