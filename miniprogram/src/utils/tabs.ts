/**
 * The five tabs, declared once: app.config's tab bar (which WeChat needs in full even when it
 * draws a custom one), the custom tab bar that WeChat shows instead, and the pages that have no
 * back bar all read this list.
 */
export const TABS = [
  { pagePath: 'pages/index/index', text: '首页', icon: 'home' },
  { pagePath: 'pages/policies/index', text: '政策', icon: 'policies' },
  { pagePath: 'pages/jobs/index', text: '岗位', icon: 'jobs' },
  { pagePath: 'pages/services/index', text: '办事', icon: 'services' },
  { pagePath: 'pages/mine/index', text: '我的', icon: 'mine' },
] as const

export const TAB_COLOR = '#8a9099'
export const TAB_SELECTED_COLOR = '#d4380d'

export const tabIconPath = (icon: string, selected: boolean): string =>
  `assets/tabbar/${icon}${selected ? '-active' : ''}.png`

/** The tab a page path (with or without its leading slash and query) belongs to, or -1. */
export const tabIndexOf = (path: string): number => {
  const bare = path.replace(/^\//, '').split('?')[0]
  return TABS.findIndex((t) => t.pagePath === bare)
}
