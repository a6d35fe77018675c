// Global type declarations: Taro ambient types, build-time constants and style modules.
/// <reference types="@tarojs/taro" />

declare module '*.css'
declare module '*.png'
declare module '*.svg'

/** Base URL of the HTTP API; '' means same origin (h5 served by the server). */
declare const API_BASE: string

declare namespace NodeJS {
  interface ProcessEnv {
    TARO_ENV: 'weapp' | 'h5' | 'swan' | 'alipay' | 'tt' | 'qq' | 'jd' | 'harmony' | 'rn'
    API_BASE?: string
  }
}
