/**
 * What a function bundle leaves out, per deployment (used by scripts/build-functions.ts and by
 * serverless.yml's serverless-esbuild, so both build the same thing):
 *
 * - `cloudbase` (CloudBase functions, STORE=cloudbase): no PostgreSQL driver, and of the CloudBase
 *   SDK only what the database and storage use — its AI client and its data-model/MySQL client
 *   (@cloudbase/wx-cloud-client-sdk, whose set-up the SDK wraps in try/catch) are left out.
 * - `api-gateway` (Lambda behind an API gateway, STORE=postgres): no CloudBase SDK.
 * - both: of zod's ~50 message locales only the two the app configures (shared/validation.ts).
 *
 * A left-out module is replaced by one that throws when loaded, naming the build, so a store
 * the build doesn't carry fails at cold start with a sentence, not a missing-module trace.
 * Plain CommonJS: serverless-esbuild requires this file as it is.
 */
const { dirname } = require('node:path')

const thrower = (what, target) =>
  `throw new Error(${JSON.stringify(`${what} is not in the ${target} build (scripts/lib/bundle-plugins.cjs); build for the deployment whose store this is`)})`

const SHARED_LEFT_OUT = [
  // form-data's file-type guess (mime-db, 135 KB): we never post files as forms (the storage
  // upload is a PUT of bytes), so the guess is "unknown" and form-data says octet-stream.
  {
    filter: /^mime-types$/,
    contents: () =>
      'const no = () => false; module.exports = { lookup: no, contentType: no, extension: no, charset: no, types: {}, extensions: {} }',
  },
]

const LEFT_OUT = {
  cloudbase: [
    ...SHARED_LEFT_OUT,
    // xml2js's builder half: the SDK only parses the storage service's XML replies.
    {
      filter: /^xmlbuilder$/,
      importer: /node_modules[\\/]xml2js[\\/]/,
      contents: () => 'module.exports = {}',
    },
    { filter: /^pg$/, contents: (t) => thrower('pg (PostgreSQL)', t) },
    { filter: /^@cloudbase\/wx-cloud-client-sdk$/, contents: () => 'module.exports = { default: {} }' },
    {
      // The SDK's AI module (and with it @cloudbase/ai, @cloudbase/app, web-streams-polyfill).
      filter: /^\.\/ai$/,
      importer: /node_modules[\\/]@cloudbase[\\/]node-sdk[\\/]/,
      contents: () => "exports.createAI = () => { throw new Error('CloudBase AI is not in this build') }",
    },
  ],
  'api-gateway': [
    ...SHARED_LEFT_OUT,
    { filter: /^@cloudbase\/node-sdk$/, contents: (t) => thrower('@cloudbase/node-sdk (CloudBase)', t) },
  ],
}

/** zod's locale index, reduced to the locales shared/validation.ts can use. */
const zodLocales = {
  name: 'zod-locales',
  setup(build) {
    build.onResolve({ filter: /locales[\\/]index\.js$/ }, (args) =>
      /node_modules[\\/]zod[\\/]/.test(args.importer)
        ? { path: 'zod-locales', namespace: 'zod-locales', pluginData: dirname(args.importer) }
        : undefined,
    )
    build.onLoad({ filter: /.*/, namespace: 'zod-locales' }, (args) => ({
      resolveDir: `${args.pluginData}/../locales`,
      contents: "export { default as en } from './en.js'; export { default as zhCN } from './zh-CN.js'",
      loader: 'js',
    }))
  },
}

const leaveOut = (target) => ({
  name: `leave-out-${target}`,
  setup(build) {
    for (const [n, rule] of LEFT_OUT[target].entries()) {
      build.onResolve({ filter: rule.filter }, (args) =>
        !rule.importer || rule.importer.test(args.importer)
          ? { path: `${target}-${n}`, namespace: 'left-out' }
          : undefined,
      )
    }
    build.onLoad({ filter: /.*/, namespace: 'left-out' }, (args) => {
      const n = Number(args.path.split('-').at(-1))
      return { contents: LEFT_OUT[target][n].contents(target), loader: 'js' }
    })
  },
})

/**
 * Libraries a function loads only for some requests (`await import()` in the source), built as a
 * chunk file next to index.js: a cold start reads index.js only. exceljs is most of the reports
 * function and is needed only to write a workbook.
 */
const LAZY_CHUNKS = { exceljs: './exceljs.js' }

const lazyChunks = {
  name: 'lazy-chunks',
  setup(build) {
    build.onResolve({ filter: /^exceljs$/ }, (args) =>
      args.kind === 'dynamic-import' ? { path: LAZY_CHUNKS[args.path], external: true } : undefined,
    )
  },
}

/** The esbuild plugins for a deployment target; `chunks`: lazy libraries as chunk files. */
const pluginsFor = (target, opts = {}) => {
  if (!LEFT_OUT[target]) throw new Error(`unknown bundle target ${target}`)
  return [zodLocales, leaveOut(target), ...(opts.chunks ? [lazyChunks] : [])]
}

// serverless-esbuild calls the export with the serverless instance: that is the API-gateway build.
module.exports = () => pluginsFor('api-gateway')
module.exports.pluginsFor = pluginsFor
module.exports.TARGETS = Object.keys(LEFT_OUT)
module.exports.LAZY_CHUNKS = LAZY_CHUNKS
