import { dialog, type BrowserWindow } from 'electron';
import { format, menuWords } from './menu-words';

/**
 * A renderer that crashes or hangs never leaves a blank or frozen window: a crash reloads the page
 * and says so; a hang asks whether to wait or reload. Progress is saved by the core as it happens,
 * so a reload loses nothing that was saved.
 */
export function watchWindowHealth(win: BrowserWindow): void {
  win.webContents.on('render-process-gone', (_event, details) => {
    if (details.reason === 'clean-exit' || win.isDestroyed()) return;
    console.error(`Study Companion: renderer gone (${details.reason}, exit code ${details.exitCode}); reloading.`);
    win.webContents.reload();
    const w = menuWords();
    void dialog.showMessageBox(win, {
      type: 'warning',
      title: w.reloadedTitle,
      message: w.reloadedTitle,
      detail: format(w.reloaded, { reason: details.reason }),
    });
  });
  win.on('unresponsive', () => {
    const w = menuWords();
    void dialog
      .showMessageBox(win, {
        type: 'warning',
        title: w.unresponsiveTitle,
        message: w.unresponsiveTitle,
        detail: w.unresponsive,
        buttons: [w.wait, w.reload],
        defaultId: 0,
        cancelId: 0,
      })
      .then(({ response }) => {
        if (response === 1 && !win.isDestroyed()) win.webContents.reload();
      });
  });
}
