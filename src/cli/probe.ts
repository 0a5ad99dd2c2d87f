import { execFile } from 'node:child_process';

/** A recording's duration in seconds, from ffprobe (the author's machine needs ffmpeg installed). */
export function ffprobeDuration(file: string): Promise<number> {
  return new Promise((resolve, reject) => {
    execFile(
      'ffprobe',
      ['-v', 'error', '-show_entries', 'format=duration', '-of', 'default=noprint_wrappers=1:nokey=1', file],
      { timeout: 60_000 },
      (err, stdout) => {
        if (err) return reject(new Error(err.message.split('\n')[0]));
        const seconds = Number(stdout.trim());
        if (!Number.isFinite(seconds) || seconds <= 0) return reject(new Error(`ffprobe said "${stdout.trim()}"`));
        resolve(seconds);
      },
    );
  });
}
