/**
 * The one contract between the renderer and the desktop shell. Every channel is declared here
 * once, with zod schemas for its request and response; the preload exposes one typed function
 * per channel, main validates every request against the same schema, and the web build
 * implements the same `DesktopApi` with browser APIs.
 */
import { z } from 'zod';

const GeneratedFileData = z.object({ path: z.string().min(1), content: z.string() }).strict();

/** What File › Import reads: at most this many files, each at most this big (a folder counts its YAML files). */
export const IMPORT_LIMITS = { maxFiles: 200, maxFileBytes: 8 * 1024 * 1024 } as const;

/** A `menu:command` id of this form opens the recent file after the colon (with `file:open`). */
export const OPEN_RECENT_PREFIX = 'file.openRecent:';

/**
 * Every command id the desktop menus send as `menu:command` (besides `OPEN_RECENT_PREFIX` ids):
 * main's menu (electron/main/menu.ts) uses exactly these, and the renderer's command registry
 * must have a command for each (both sides are tested against this list).
 */
export const MENU_COMMANDS = [
  'file.new',
  'file.newFromTemplate',
  'file.open',
  'file.import',
  'file.importFolder',
  'file.save',
  'file.saveAs',
  'export.bundle',
  'export.diagram',
  'export.diagramPng',
  'edit.undo',
  'edit.redo',
  'edit.duplicate',
  'edit.delete',
  'edit.selectAll',
  'view.toggleEditor',
  'view.toggleProblems',
  'view.toggleMinimap',
  'view.zoomIn',
  'view.zoomOut',
  'view.zoomReset',
  'view.fit',
  'layout.auto',
  'view.toggleTheme',
] as const;
export type MenuCommandId = (typeof MENU_COMMANDS)[number];

export const CHANNELS = {
  /** Open a topology: the given path, or ask with a dialog. Null when the user cancels. */
  'file:open': {
    request: z.object({ path: z.string().min(1).optional() }).strict(),
    response: z.object({ path: z.string(), text: z.string() }).strict().nullable(),
  },
  /** Save text to `path` (atomically), or ask where first (`path` null or `saveAs`). Null when cancelled. */
  'file:save': {
    request: z.object({ path: z.string().nullable(), text: z.string(), saveAs: z.boolean().default(false) }).strict(),
    response: z.object({ path: z.string() }).strict().nullable(),
  },
  /**
   * Collector configs, manifests, Operator resources or Helm values to import: main asks with an
   * open dialog for several files (`files`; folders too on macOS) or folders (`folder`: their
   * .yaml/.yml files, not recursive), and reads only what the user picked, within IMPORT_LIMITS.
   * Null when the user cancels.
   */
  'file:import': {
    request: z.object({ from: z.enum(['files', 'folder']).default('files') }).strict(),
    response: z
      .object({ files: z.array(z.object({ path: z.string().min(1), text: z.string() }).strict()).max(IMPORT_LIMITS.maxFiles) })
      .strict()
      .nullable(),
  },
  /** Recently opened files, newest first. */
  'file:recent': {
    request: z.object({}).strict(),
    response: z.array(z.string()),
  },
  /** Write an export bundle to a chosen folder or zip file, never half-written. Null when cancelled. */
  'bundle:export': {
    request: z
      .object({ files: z.array(GeneratedFileData), format: z.enum(['folder', 'zip']), suggestedName: z.string().min(1) })
      .strict(),
    response: z.object({ path: z.string() }).strict().nullable(),
  },
  /** Save the diagram (SVG text, or PNG as base64). Null when cancelled. */
  'diagram:export': {
    request: z.object({ format: z.enum(['svg', 'png']), data: z.string(), suggestedName: z.string().min(1) }).strict(),
    response: z.object({ path: z.string() }).strict().nullable(),
  },
  /** Keep unsaved work in a recovery file (the renderer calls it a few seconds after each change). */
  'recovery:write': {
    request: z.object({ text: z.string(), path: z.string().nullable() }).strict(),
    response: z.null(),
  },
  /** The recovery file left by a crash or kill, offered at start. */
  'recovery:read': {
    request: z.object({}).strict(),
    response: z.object({ text: z.string(), path: z.string().nullable(), savedAt: z.string() }).strict().nullable(),
  },
  'recovery:clear': {
    request: z.object({}).strict(),
    response: z.null(),
  },
  /** Title and unsaved marker of the window; main asks before closing a dirty window. */
  'window:state': {
    request: z.object({ title: z.string(), dirty: z.boolean() }).strict(),
    response: z.null(),
  },
  /**
   * Which menu commands can run now (the renderer's registry says, and where the focus is): main
   * greys out the others. Every id of MENU_COMMANDS, and no other; the renderer sends it when the
   * set changes.
   */
  'menu:state': {
    request: z.object({ enabled: z.record(z.enum(MENU_COMMANDS), z.boolean()) }).strict(),
    response: z.null(),
  },
} as const;

export type Channel = keyof typeof CHANNELS;
export type RequestOf<C extends Channel> = z.input<(typeof CHANNELS)[C]['request']>;
export type ResponseOf<C extends Channel> = z.output<(typeof CHANNELS)[C]['response']>;

/** What every handler answers: never a thrown error across the boundary. */
export type Result<T> = { ok: true; data: T } | { ok: false; error: string };


/** Events main sends to the renderer. */
export const EVENTS = {
  /** A menu item or accelerator ran a command of the renderer's registry. */
  'menu:command': z.object({ commandId: z.string().min(1) }).strict(),
  /**
   * A topology file given to the app (command line, second launch, macOS open-file): main has
   * allowed `file:open` on it; the renderer opens it once unsaved changes are dealt with.
   */
  'file:open-requested': z.object({ path: z.string().min(1) }).strict(),
  /** Export progress. */
  'bundle:progress': z.object({ done: z.number().int().nonnegative(), total: z.number().int().nonnegative() }).strict(),
} as const;
export type EventName = keyof typeof EVENTS;
export type EventOf<E extends EventName> = z.output<(typeof EVENTS)[E]>;

/**
 * The API the preload exposes as `window.otelTopology`, and the web build implements too: one
 * function per declared channel (nothing raw), and a subscription per declared event.
 */
export type DesktopApi = {
  readonly kind: 'electron' | 'web';
  /**
   * Whether `file:open` with a path from `file:recent` opens that file again: always on the
   * desktop; in a browser only with the File System Access API (Chromium), where the recent
   * paths name kept file handles. Elsewhere a browser keeps only names.
   */
  readonly reopensRecent: boolean;
  readonly channels: { readonly [C in Channel]: (request: RequestOf<C>) => Promise<Result<ResponseOf<C>>> };
  on<E extends EventName>(event: E, listener: (payload: EventOf<E>) => void): () => void;
};

export const CHANNEL_NAMES = Object.keys(CHANNELS) as Channel[];
export const EVENT_NAMES = Object.keys(EVENTS) as EventName[];
