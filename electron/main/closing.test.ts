import { describe, expect, it, vi } from 'vitest';
import { CloseGuard } from './close-guard.js';
import { answerCloseQuestion, type ClosingDeps } from './closing.js';

/** A dirty window whose close is being asked about; `events` records what main did, in order. */
function setUp(clear: () => Promise<void> = async () => undefined) {
  const events: string[] = [];
  const closeGuard = new CloseGuard();
  closeGuard.onWindowState(true);
  closeGuard.onCloseRequested();
  const deps: ClosingDeps = {
    closeGuard,
    recovery: {
      clear: async () => {
        await clear();
        events.push('clear recovery');
      },
    },
    close: () => events.push('close'),
    save: () => events.push('save'),
    log: vi.fn(),
  };
  return { events, deps };
}

describe('answering the unsaved-changes question', () => {
  it("GIVEN Don't Save WHEN answered THEN the recovery file is cleared before the window closes: the discarded work is not offered at the next start", async () => {
    const { events, deps } = setUp();
    expect(await answerCloseQuestion('discard', deps)).toBe('close');
    expect(events).toStrictEqual(['clear recovery', 'close']);
  });

  it("GIVEN Don't Save WHEN the recovery file cannot be cleared THEN the window closes anyway and the failure is logged", async () => {
    const { events, deps } = setUp(() => Promise.reject(new Error('EACCES')));
    await answerCloseQuestion('discard', deps);
    expect(events).toStrictEqual(['close']);
    expect(deps.log).toHaveBeenCalledWith(expect.stringMatching(/recovery/), expect.any(Error));
  });

  it('GIVEN Save WHEN answered THEN the renderer is asked to save; nothing is cleared or closed yet', async () => {
    const { events, deps } = setUp();
    expect(await answerCloseQuestion('save', deps)).toBe('save-then-close');
    expect(events).toStrictEqual(['save']);
  });

  it('GIVEN Cancel WHEN answered THEN nothing happens: the work stays, and so does its recovery', async () => {
    const { events, deps } = setUp();
    expect(await answerCloseQuestion('cancel', deps)).toBe('stay');
    expect(events).toStrictEqual([]);
  });
});
