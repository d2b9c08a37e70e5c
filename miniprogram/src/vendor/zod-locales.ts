/**
 * Stand-in for `zod/v4/locales/index.js` in the app bundle (see config/index.ts).
 *
 * `z` re-exports every locale as `z.locales`, and because shared/validation.ts uses `z` as a
 * namespace webpack cannot drop the ~40 locales it never uses (about 250 KB). The app only needs
 * the default (en, used by zod itself) and zh-CN (set by shared/validation.ts).
 */
export { default as en } from 'zod/v4/locales/en.js'
export { default as zhCN } from 'zod/v4/locales/zh-CN.js'
