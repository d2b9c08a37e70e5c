/// <reference types="@tarojs/taro" />

declare module '*.png'
declare module '*.svg'
declare module '*.css'
declare module '*.scss'

declare namespace NodeJS {
  interface ProcessEnv {
    NODE_ENV: 'development' | 'production'
    /** The platform being built. */
    TARO_ENV: 'weapp' | 'h5' | 'swan' | 'alipay' | 'tt' | 'qq' | 'jd' | 'harmony' | 'rn'
    /** HTTP base URL of the API; '' means the page's own origin. */
    TARO_APP_API_BASE?: string
    /** CloudBase environment id; when set on weapp the app calls cloud functions instead of HTTP. */
    TARO_APP_CLOUD_ENV?: string
  }
}
