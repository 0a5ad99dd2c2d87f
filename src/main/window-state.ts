import type { BrowserWindow, Rectangle } from 'electron';
import { screen } from 'electron';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

interface WindowState {
  /** No x/y on a first start (or when the saved place is off-screen): the window is centred. */
  bounds: Partial<Rectangle> & { width: number; height: number };
  maximized: boolean;
}

const DEFAULT: WindowState = { bounds: { width: 1200, height: 860 }, maximized: false };

/** Window size and position remembered across runs, kept on a visible display. */
export function loadWindowState(userData: string): WindowState {
  try {
    const s = JSON.parse(readFileSync(join(userData, 'window-state.json'), 'utf8')) as WindowState;
    const { x = NaN, y = NaN, width, height } = s.bounds;
    const visible = screen.getAllDisplays().some((d) => {
      const a = d.workArea;
      return x < a.x + a.width && x + width > a.x && y < a.y + a.height && y + height > a.y;
    });
    return visible ? s : { maximized: s.maximized, bounds: { width, height } };
  } catch {
    return DEFAULT;
  }
}

export function trackWindowState(win: BrowserWindow, userData: string): void {
  const save = () => {
    const state: WindowState = { bounds: win.getNormalBounds(), maximized: win.isMaximized() };
    try {
      writeFileSync(join(userData, 'window-state.json'), JSON.stringify(state));
    } catch {
      // Not worth interrupting the participant for: the window just opens at its default size.
    }
  };
  win.on('close', save);
}
