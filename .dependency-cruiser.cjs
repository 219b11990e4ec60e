/** Dependency-direction rules of docs/architecture.md §3, enforced in `npm run lint`. */
const SERVER = '^apps/server/src';
module.exports = {
  forbidden: [
    { name: 'no-circular', severity: 'error', from: {}, to: { circular: true } },
    {
      name: 'packages-import-no-app-code', severity: 'error',
      from: { path: '^packages/' }, to: { path: '^apps/' },
    },
    {
      name: 'web-imports-only-contracts', severity: 'error',
      from: { path: '^apps/web/' }, to: { path: '^(apps/(server|emulator)|packages/cloud-api)/' },
    },
    {
      name: 'emulator-imports-only-cloud-api', severity: 'error',
      from: { path: '^apps/emulator/' }, to: { path: '^(apps/(server|web)|packages/contracts)/' },
    },
    {
      name: 'core-imports-nothing-internal', severity: 'error',
      from: { path: `${SERVER}/core/` }, to: { path: `${SERVER}/(?!core/)` },
    },
    {
      name: 'providers-translate-only', severity: 'error',
      comment: 'Providers never touch db, queue, modules or http (house rule 3).',
      from: { path: `${SERVER}/providers/` }, to: { path: `${SERVER}/(db|queue|modules|http|composition|config)/` },
    },
    {
      name: 'db-queue-events-import-only-core', severity: 'error',
      from: { path: `${SERVER}/(db|queue|events)/` }, to: { path: `${SERVER}/(modules|http|providers|composition)/` },
    },
    {
      name: 'modules-use-other-modules-via-index', severity: 'error',
      comment: 'A module reaches another only through its index.ts.',
      from: { path: `${SERVER}/modules/([^/]+)/` },
      to: { path: `${SERVER}/modules/([^/]+)/.+`, pathNot: [`${SERVER}/modules/$1/`, `${SERVER}/modules/[^/]+/index\\.ts$`] },
    },
    {
      name: 'modules-do-not-import-concrete-adapters', severity: 'error',
      comment: 'Tests may use the fake provider and real drivers; production code gets them from composition/.',
      from: { path: `${SERVER}/modules/`, pathNot: '__tests__' },
      to: { path: [`${SERVER}/queue/(in-process|bullmq)/`, `${SERVER}/providers/(?!messaging-provider|provider-error)[^/]+`, `${SERVER}/composition/`] },
    },
    {
      name: 'fastify-only-in-http-and-routes', severity: 'error',
      from: { path: `${SERVER}/`, pathNot: [`${SERVER}/(http|composition)/`, '\\.routes\\.ts$', `${SERVER}/app\\.ts$`, `${SERVER}/main\\.ts$`, '__tests__'] },
      to: { path: 'node_modules/(fastify|@fastify)/' },
    },
    {
      name: 'lazy-scale-out-deps', severity: 'error',
      comment: 'bullmq/ioredis load lazily from composition/ or their own adapter folders only (queue/bullmq, events/redis).',
      from: { path: `${SERVER}/`, pathNot: [`${SERVER}/(composition|queue/bullmq|events/redis)/`, '__tests__'] },
      to: { path: 'node_modules/(bullmq|ioredis)/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(node_modules|dist)' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] },
  },
};
