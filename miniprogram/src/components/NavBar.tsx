// The browser build's navigation bar: Taro's own h5 bar is hidden (TARO.md), so every page gets its
// title here, a back arrow on sub-pages (to the previous page, or to the right home page when the
// page was opened directly by its address) and none on tab pages and the staff workbenches.
// WeChat keeps its native navigation bar, so the weapp build renders nothing.
import { useEffect, useState } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { PAGES, relaunch } from '@/utils/nav'
import { homeFor, isRootPage } from '@/utils/nav-bar'
import './NavBar.css'

function currentPath(): string {
  const pages = typeof Taro.getCurrentPages === 'function' ? Taro.getCurrentPages() : []
  const route = pages.length ? String(pages[pages.length - 1].route ?? '') : ''
  return route ? `/${route.replace(/^\//, '').split('?')[0]}` : PAGES.home
}

export default function NavBar({ title }: { title?: string }) {
  const [path, setPath] = useState('')
  const [pageTitle, setPageTitle] = useState(title ?? '')

  useEffect(() => {
    if (process.env.TARO_ENV !== 'h5') return
    setPath(currentPath())
    if (title) return
    // Taro writes the page's navigationBarTitleText into document.title when the page shows.
    const read = () => setPageTitle(document.title)
    read()
    const titleNode = document.querySelector('title')
    if (!titleNode) return
    const observer = new MutationObserver(read)
    observer.observe(titleNode, { childList: true, characterData: true, subtree: true })
    return () => observer.disconnect()
  }, [title])

  if (process.env.TARO_ENV !== 'h5') return null

  const back = () => {
    if (typeof Taro.getCurrentPages === 'function' && Taro.getCurrentPages().length > 1) void Taro.navigateBack()
    else relaunch(homeFor(path))
  }

  return (
    <View className="jg-navbar" id="jg-navbar">
      {path && !isRootPage(path) && (
        <View id="nav-back" className="jg-navbar-back" onClick={back} aria-label="返回">
          <Text className="jg-navbar-arrow">‹</Text>
          <Text>返回</Text>
        </View>
      )}
      <Text id="nav-title" className="jg-navbar-title">
        {title ?? pageTitle}
      </Text>
    </View>
  )
}
