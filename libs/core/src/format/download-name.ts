/**
 * A download's file name from what it holds: the thing's title made safe for a file name, then what
 * the file is ("Accountabilities 2026", "ranking-v3", "csv" → "accountabilities-2026-ranking-v3.csv"),
 * so a folder of downloads reads as a list of their contents. Pure.
 */
export function downloadName(title: string, what: string, extension: string): string {
  const slug =
    title
      .normalize('NFKD')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 60)
      .replace(/-$/, '') || 'download';
  return `${slug}-${what}.${extension}`;
}
