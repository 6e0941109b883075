/** The desktop API: the preload's in Electron, the browser implementation otherwise. */
import type { DesktopApi } from '../../shared/ipc/contract.js';
import { webPlatform } from './web-platform.js';

declare global {
  interface Window {
    readonly otelTopology?: DesktopApi;
  }
}

export const platform: DesktopApi = window.otelTopology ?? webPlatform;
