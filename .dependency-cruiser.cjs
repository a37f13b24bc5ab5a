/**
 * The layer rules of docs/ARCHITECTURE.md, enforced on every `npm test`.
 * Lower layers never import higher ones; only electron/main and the preload
 * may touch the `electron` module.
 */
const ELECTRON = '^electron$|(^|/)node_modules/electron/';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-electron-below-main',
      comment:
        'electron/core, electron/sandbox, electron/cli, electron/web and shared/ run in plain Node or the browser: no electron.',
      severity: 'error',
      from: { path: '^(electron/(core|sandbox|cli|web)|shared)/' },
      to: { path: ELECTRON },
    },
    {
      name: 'shared-is-pure',
      comment: 'shared/ runs in the renderer and in Node alike: no Node built-ins.',
      severity: 'error',
      from: { path: '^shared/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'shared-imports-only-shared',
      comment:
        'shared/ is the bottom layer: it imports only itself and npm packages without DOM or Node ties.',
      severity: 'error',
      from: { path: '^shared/' },
      to: { pathNot: '^shared/|(^|/)node_modules/', dependencyTypesNot: ['core'] },
    },
    {
      name: 'shared-no-ui-libraries',
      comment: 'DOM-only code stays in the renderer.',
      severity: 'error',
      from: { path: '^shared/' },
      to: { path: '(^|/)node_modules/(react|react-dom|zustand)/' },
    },
    {
      name: 'renderer-only-renderer-and-shared',
      comment: 'The renderer reaches the rest of the app only through window.outpost.',
      severity: 'error',
      from: { path: '^renderer/' },
      to: { pathNot: '^(renderer|shared)/|(^|/)node_modules/' },
    },
    {
      name: 'renderer-no-node',
      severity: 'error',
      from: { path: '^renderer/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'preload-only-shared',
      comment: 'The preload exposes the contract and nothing else.',
      severity: 'error',
      from: { path: '^electron/preload/' },
      to: { pathNot: `^(electron/preload|shared)/|${ELECTRON}|(^|/)node_modules/zod/` },
    },
    {
      name: 'ipc-clients-without-schemas',
      comment:
        "The preload and the web bridge's page script run before the page's first script: they build window.outpost from the channel and event names only. The schemas (zod) stay in main, which validates requests, replies and events (docs/ARCHITECTURE.md, Start path).",
      severity: 'error',
      from: {
        path: '^(electron/preload/|electron/web/page/|shared/ipc/(client|channel-names|event-names|errors)\\.ts$)',
      },
      to: {
        path: '(^|/)node_modules/zod/|^shared/ipc/(contract|events)\\.ts$|^shared/ipc/schemas/',
        dependencyTypesNot: ['type-only'],
      },
    },
    {
      name: 'core-below-shells',
      comment:
        'The core is shared by the app and the CLI; it never reaches up into a shell, the UI or the simulator.',
      severity: 'error',
      from: { path: '^electron/core/' },
      to: { path: '^(electron/(main|preload|cli|sandbox|web)|renderer)/' },
    },
    {
      name: 'sandbox-only-shared',
      comment: 'The provider simulator stands apart from the app it simulates for.',
      severity: 'error',
      from: { path: '^electron/sandbox/' },
      to: { path: '^(electron/(main|preload|core|cli|web)|renderer)/' },
    },
    {
      name: 'cli-no-app-shell',
      severity: 'error',
      from: { path: '^electron/cli/' },
      to: { path: '^(electron/(main|preload|web)|renderer)/' },
    },
    {
      name: 'web-shell-beside-cli',
      comment:
        '`npm run web` is a shell like the CLI: core, sandbox and shared, never the Electron shell or the UI.',
      severity: 'error',
      from: { path: '^electron/web/' },
      to: { path: '^(electron/(main|preload|cli)|renderer)/' },
    },
    {
      name: 'cli-commands-import-work-lazily',
      comment:
        'Every start of `outpost` loads the command files: what a command does (core, sandbox, shared logic, npm packages but commander) is import()ed inside its action (electron/cli/README.md).',
      severity: 'error',
      from: {
        path: '^electron/cli/(commands/[^/]+|context|program|index)\\.ts$',
        // The counting itself, which segments-command.ts imports when the command runs.
        pathNot: '^electron/cli/commands/segments\\.ts$',
      },
      to: {
        path: '^(electron/(core|sandbox)|shared)/|(^|/)node_modules/',
        pathNot:
          '^electron/core/paths\\.ts$|^electron/core/bulk/csv-encodings\\.ts$|^shared/domain/message-state\\.ts$|^electron/sandbox/faults\\.ts$|(^|/)node_modules/commander/',
        dependencyTypesNot: ['type-only', 'dynamic-import'],
      },
    },
    {
      name: 'main-no-ui-or-cli',
      severity: 'error',
      from: { path: '^electron/main/' },
      to: { path: '^(renderer|electron/(cli|web))/' },
    },
    {
      name: 'no-unresolvable',
      comment:
        'An import that cannot be resolved is a typo or a missing dependency. (vite, which `npm run web` uses to bundle its page script, is resolved by Node and tsc but not by the cruiser: its exports map has no conditions; nor is tsx/cjs/api, whose exports nest conditions, which the source worker of the check pool loads in unbuilt runs.)',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true, pathNot: '^(vite|tsx/cjs/api)$' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.node.json' },
    enhancedResolveOptions: {
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json', '.d.ts'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
    },
    exclude: { path: '\\.d\\.ts$' },
  },
};
