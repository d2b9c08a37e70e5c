import path from 'node:path'
import { defineConfig, type UserConfigExport } from '@tarojs/cli'
import type Webpack from 'webpack'
import type Chain from 'webpack-chain'
import devConfig from './dev'
import prodConfig from './prod'

const taroEnv = process.env.TARO_ENV ?? 'weapp'
const sharedDir = path.resolve(__dirname, '..', '..', 'shared')

/** Keep only the zod locales the app uses (see src/vendor/zod-locales.ts). */
const zodLocalesStub = path.resolve(__dirname, '..', 'src', 'vendor', 'zod-locales.ts')

/** webpack changes shared by weapp and H5. */
const commonChain = (chain: Chain, webpack: typeof Webpack): void => {
  chain
    .plugin('trim-zod-locales')
    .use(webpack.NormalModuleReplacementPlugin, [/zod[\\/]v4[\\/]locales[\\/]index\.js$/, zodLocalesStub])
  // webpack's 244 KB web-performance advice does not apply to a mini-program; keep CI logs clean.
  chain.performance.hints(false)
}

/**
 * Build-time settings the app reads as `process.env.TARO_APP_*`. Values come from the shell
 * (CI sets them) and may be overridden by miniprogram/.env* files, which Taro merges on top.
 */
const appEnv = {
  TARO_APP_API_BASE: JSON.stringify(process.env.TARO_APP_API_BASE ?? ''),
  TARO_APP_CLOUD_ENV: JSON.stringify(process.env.TARO_APP_CLOUD_ENV ?? ''),
  // Subscription-message template id of the coordinators' monthly digest (WeChat only).
  TARO_APP_TEMPLATE_DIGEST: JSON.stringify(process.env.TARO_APP_TEMPLATE_DIGEST ?? ''),
  // Subscription-message template id of "a policy you qualify for" (WeChat only).
  TARO_APP_TEMPLATE_POLICY: JSON.stringify(process.env.TARO_APP_TEMPLATE_POLICY ?? ''),
  // Subscription-message template id of the daily job push (WeChat only).
  TARO_APP_TEMPLATE_JOB: JSON.stringify(process.env.TARO_APP_TEMPLATE_JOB ?? ''),
}

export default defineConfig<'webpack5'>(async (merge) => {
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'haian-employment',
    date: '2025-01-01',
    designWidth: 375,
    deviceRatio: {
      640: 2.34 / 2,
      750: 1,
      375: 2,
      828: 1.81 / 2,
    },
    sourceRoot: 'src',
    outputRoot: `dist/${taroEnv}`,
    plugins: [],
    env: appEnv,
    defineConstants: {},
    alias: {
      '@shared': sharedDir,
    },
    copy: { patterns: [], options: {} },
    framework: 'react',
    compiler: 'webpack5',
    cache: { enable: false },
    mini: {
      // zod ships ES2020 (`?.`, `??`); transpile it like our own code so older WeChat clients parse it.
      compile: { include: [sharedDir, (file: string) => /node_modules[\\/]zod[\\/]/.test(file)] },
      webpackChain: commonChain,
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: { enable: false },
      },
    },
    h5: {
      compile: { include: [sharedDir] },
      webpackChain(chain, webpack) {
        commonChain(chain, webpack)
        // Taro splits only initial chunks, so every lazily loaded page would carry its own copy of
        // zod and the Taro components it uses; share them between pages instead.
        chain.optimization.splitChunks({ ...chain.optimization.get('splitChunks'), chunks: 'all' })
      },
      publicPath: '/',
      staticDirectory: 'static',
      router: { mode: 'hash' },
      output: {
        filename: 'js/[name].[contenthash:8].js',
        chunkFilename: 'js/[name].[contenthash:8].js',
      },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[contenthash:8].css',
        chunkFilename: 'css/[name].[contenthash:8].css',
      },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        cssModules: { enable: false },
      },
    },
  }

  if (process.env.NODE_ENV === 'development') {
    return merge({}, baseConfig, devConfig)
  }
  return merge({}, baseConfig, prodConfig)
})
