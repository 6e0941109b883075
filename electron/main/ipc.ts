import type { z } from 'zod';
import { CHANNEL_NAMES, CHANNELS, type Channel, type ResponseOf, type Result } from '../../shared/ipc/contract.js';

/** The part of Electron's `ipcMain` the wrapper uses (tests pass a fake). */
export interface IpcMainLike<Event> {
  handle(channel: string, listener: (event: Event, ...args: unknown[]) => unknown): void;
}

/** A handler gets the request already parsed (defaults applied) and the event, for the sender. */
export type Handlers<Event> = {
  readonly [C in Channel]: (request: z.output<(typeof CHANNELS)[C]['request']>, event: Event) => Promise<ResponseOf<C>> | ResponseOf<C>;
};

export interface RegisterOptions<Event> {
  /** Only the app's own window, showing the app's own files, may call. */
  isTrustedSender(event: Event): boolean;
  /** Where unexpected handler failures are logged; the renderer gets only the message. */
  log?: (message: string, error: unknown) => void;
}

/** "path: expected string, received undefined" for each issue, with the field that failed first. */
export function describeIssues(issues: readonly z.core.$ZodIssue[]): string {
  return issues
    .map((issue) => {
      const path = issue.path.map(String).join('.');
      return path === '' ? issue.message : `${path}: ${issue.message}`;
    })
    .join('; ');
}

/**
 * Registers every declared channel through one wrapper: the sender is checked, the request is
 * parsed with the channel's schema, the handler runs, and its answer is checked against the
 * response schema. The renderer always receives a `Result`; nothing is thrown across.
 */
export function registerHandlers<Event>(ipcMain: IpcMainLike<Event>, handlers: Handlers<Event>, options: RegisterOptions<Event>): void {
  for (const channel of CHANNEL_NAMES) {
    ipcMain.handle(channel, (event, ...args) => invoke(channel, handlers, options, event, args[0]));
  }
}

async function invoke<C extends Channel, Event>(
  channel: C,
  handlers: Handlers<Event>,
  options: RegisterOptions<Event>,
  event: Event,
  payload: unknown,
): Promise<Result<ResponseOf<C>>> {
  try {
    if (!options.isTrustedSender(event)) return { ok: false, error: `${channel}: refused, the request did not come from the app's window` };
    const schema = CHANNELS[channel];
    const request = schema.request.safeParse(payload);
    if (!request.success) return { ok: false, error: `${channel}: invalid request: ${describeIssues(request.error.issues)}` };
    const handler = handlers[channel] as (request: unknown, event: Event) => Promise<unknown> | unknown;
    const data = await handler(request.data, event);
    const response = schema.response.safeParse(data);
    if (!response.success) {
      options.log?.(`${channel}: handler answered outside the contract`, response.error);
      return { ok: false, error: `${channel}: internal error: invalid response: ${describeIssues(response.error.issues)}` };
    }
    return { ok: true, data: response.data as ResponseOf<C> };
  } catch (error) {
    options.log?.(`${channel}: handler failed`, error);
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}
