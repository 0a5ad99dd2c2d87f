import { app, dialog, Menu, type BrowserWindow, type MenuItemConstructorOptions } from 'electron';
import { format, menuWords } from './menu-words';

/**
 * The application menu in the participant's language: File, Edit (copy and paste work in every
 * text field), View (text size through Chromium's zoom, which scales the whole page; full screen)
 * and Help. Reload and the developer tools exist only in development builds.
 */
export function buildMenu(getWindow: () => BrowserWindow | null): Menu {
  const w = menuWords();
  const development: MenuItemConstructorOptions[] = app.isPackaged
    ? []
    : [{ type: 'separator' }, { role: 'reload' }, { role: 'toggleDevTools' }];
  const template: MenuItemConstructorOptions[] = [
    { label: w.file, submenu: [{ role: 'quit', label: w.quit }] },
    {
      label: w.edit,
      submenu: [
        { role: 'undo' },
        { role: 'redo' },
        { type: 'separator' },
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'selectAll' },
      ],
    },
    {
      label: w.view,
      submenu: [
        { role: 'zoomIn', label: w.textLarger },
        { role: 'zoomOut', label: w.textSmaller },
        { role: 'resetZoom', label: w.textReset },
        { type: 'separator' },
        { role: 'togglefullscreen', label: w.fullScreen },
        ...development,
      ],
    },
    {
      label: w.help,
      submenu: [
        {
          label: w.about,
          click: () => {
            const win = getWindow();
            const options = {
              type: 'info' as const,
              title: w.about,
              message: `${app.getName()} ${app.getVersion()}`,
              detail: format(w.aboutDetail, { version: app.getVersion() }),
            };
            void (win ? dialog.showMessageBox(win, options) : dialog.showMessageBox(options));
          },
        },
      ],
    },
  ];
  return Menu.buildFromTemplate(template);
}
