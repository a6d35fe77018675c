// App root: global styles; pages render as its children.
import type { PropsWithChildren } from 'react'
import './app.css'

export default function App({ children }: PropsWithChildren) {
  return children
}
