import { CHANNEL_NAMES, EVENT_NAMES, EVENTS, type Channel, type DesktopApi, type EventName } from '../../shared/ipc/contract.js';

/** The part of `ipcRenderer` the API uses; it never reaches the page itself. */
export interface IpcRendererLike {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
  removeListener(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
}

const DECLARED_EVENTS: ReadonlySet<string> = new Set(EVENT_NAMES);

/**
 * `window.otelTopology`: one function per declared channel and a subscription per declared
 * event. Events whose payload does not match the contract are dropped, and the listener gets
 * the parsed payload, never Electron's event object.
 */
export function createDesktopApi(ipc: IpcRendererLike): DesktopApi {
  const channels = Object.fromEntries(
    CHANNEL_NAMES.map((channel: Channel) => [channel, (request: unknown) => ipc.invoke(channel, request)]),
  ) as unknown as DesktopApi['channels'];
  return Object.freeze({
    kind: 'electron' as const,
    reopensRecent: true,
    channels: Object.freeze(channels),
    on<E extends EventName>(event: E, listener: (payload: never) => void): () => void {
      if (!DECLARED_EVENTS.has(event)) throw new Error(`unknown event ${String(event)}`);
      const schema = EVENTS[event];
      const wrapped = (_event: unknown, payload: unknown) => {
        const parsed = schema.safeParse(payload);
        if (parsed.success) (listener as (payload: unknown) => void)(parsed.data);
      };
      ipc.on(event, wrapped);
      return () => {
        ipc.removeListener(event, wrapped);
      };
    },
  });
}
