/** Sizes as a participant reads them: 1 decimal under 10, whole numbers above (decimal units, as disks are sold). */
export function formatBytes(n: number): string {
  const units = ['B', 'KB', 'MB', 'GB'];
  let v = n;
  let u = 0;
  while (v >= 1000 && u < units.length - 1) {
    v /= 1000;
    u++;
  }
  return `${u > 0 && v < 10 ? v.toFixed(1) : Math.round(v)} ${units[u]}`;
}
