import type CloudBase from '@cloudbase/node-sdk'

/** Which CloudBase environment to reach, and how. */
export interface CloudBaseTarget {
  /** The environment id; inside a CloudBase function, omitted: the function's own. */
  env?: string
  /** Needed outside CloudBase only. */
  secretId?: string
  secretKey?: string
  /** The local CloudBase service (functions/local/cloudbase-service.ts) instead of the cloud. */
  serviceUrl?: string
}

/** The local CloudBase service at `serviceUrl` (it takes any environment name and keys). */
export const localCloudBaseTarget = (serviceUrl: string): CloudBaseTarget => ({
  env: 'local',
  secretId: 'local',
  secretKey: 'local',
  serviceUrl,
})

type App = ReturnType<typeof CloudBase.init>

/** One SDK app per target: the database and the storage share it. */
const apps = new Map<string, Promise<App>>()

export const initCloudBase = (target: CloudBaseTarget): Promise<App> => {
  const key = JSON.stringify([target.env, target.secretId, target.serviceUrl])
  let app = apps.get(key)
  if (!app) {
    app = (async () => {
      const tcb = await import('@cloudbase/node-sdk')
      const sdk = (tcb as unknown as { default?: typeof tcb }).default ?? tcb
      // Off the cloud the SDK probes a metadata host before each request unless told it is
      // "in Tencent Cloud"; the local service needs no such probe.
      if (target.serviceUrl) process.env.TENCENTCLOUD = 'true'
      return sdk.init({
        env: target.env ?? (sdk.SYMBOL_CURRENT_ENV as unknown as string),
        ...(target.secretId && target.secretKey
          ? { secretId: target.secretId, secretKey: target.secretKey }
          : {}),
        ...(target.serviceUrl ? { serviceUrl: target.serviceUrl } : {}),
      })
    })()
    apps.set(key, app)
  }
  return app
}
