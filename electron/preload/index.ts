// Sandboxed preload: bundled to one CommonJS file, with `electron` as its only require.
import { contextBridge, ipcRenderer } from 'electron';
import { createDesktopApi } from './api.js';

contextBridge.exposeInMainWorld('otelTopology', createDesktopApi(ipcRenderer));
