// Writes docs/configuration.md from the config schema: `npm run docs:config`.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { renderConfigDocs } from '../apps/server/src/config/render-config-docs.js';

const target = fileURLToPath(new URL('../docs/configuration.md', import.meta.url));
writeFileSync(target, renderConfigDocs());
console.log(`wrote ${target}`);
