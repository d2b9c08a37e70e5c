import { CoverImage, CoverView } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Component } from 'react'
import { getLargeText, LARGE_TEXT_EVENT } from '../store/settings'
import { TAB_COLOR, TAB_SELECTED_COLOR, TABS, tabIconPath, tabIndexOf } from '../utils/tabs'
import './index.scss'

interface State {
  selected: number
  large: boolean
}

/** The page under this instance, when WeChat has already put it on the stack. */
const currentTab = (): number => {
  const pages = Taro.getCurrentPages()
  const route = pages[pages.length - 1]?.route ?? ''
  return Math.max(0, tabIndexOf(route))
}

/**
 * WeChat's tab bar, drawn by the app (tabBar.custom) so that 大字模式 reaches it: the native
 * one keeps the platform's font size. WeChat makes one instance per tab page; each page marks
 * its own tab on show (`Taro.getTabBar(page).setSelected`, see PageShell), which is why this is
 * a class: getTabBar hands back the instance. H5 keeps Taro's own tab bar.
 */
export default class CustomTabBar extends Component<Record<string, never>, State> {
  override state: State = { selected: currentTab(), large: getLargeText() }

  private readonly onLargeText = (on: boolean) => this.setState({ large: on })

  override componentDidMount() {
    Taro.eventCenter.on(LARGE_TEXT_EVENT, this.onLargeText)
  }

  override componentWillUnmount() {
    Taro.eventCenter.off(LARGE_TEXT_EVENT, this.onLargeText)
  }

  /** Called by the page on show: its tab, and the text size as it is now. */
  setSelected(index: number) {
    this.setState({ selected: index, large: getLargeText() })
  }

  private go(index: number) {
    if (index === this.state.selected) return
    this.setState({ selected: index })
    Taro.switchTab({ url: `/${TABS[index]!.pagePath}` })
  }

  override render() {
    const { selected, large } = this.state
    return (
      <CoverView className={`tab-bar${large ? ' tab-bar--large' : ''}`}>
        {TABS.map((tab, index) => (
          <CoverView key={tab.pagePath} className="tab-bar__item" onClick={() => this.go(index)}>
            <CoverImage className="tab-bar__icon" src={`/${tabIconPath(tab.icon, index === selected)}`} />
            <CoverView
              className="tab-bar__label"
              style={{ color: index === selected ? TAB_SELECTED_COLOR : TAB_COLOR }}
            >
              {tab.text}
            </CoverView>
          </CoverView>
        ))}
      </CoverView>
    )
  }
}
