import Taro, { useLaunch } from '@tarojs/taro'
import type { PropsWithChildren } from 'react'
import { CLOUD_ENV, USE_CLOUD } from './api/client'
import { applyLargeTextToChrome, getLargeText } from './store/settings'
import './app.scss'

function App({ children }: PropsWithChildren) {
  useLaunch(() => {
    if (USE_CLOUD) Taro.cloud.init({ env: CLOUD_ENV, traceUser: true })
    applyLargeTextToChrome(getLargeText())
  })
  return children
}

export default App
