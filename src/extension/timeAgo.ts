/** "12 s ago", "4 min ago", "3 h ago", "2 d ago" — how long since an RFC 3339 time. */
export function timeAgo(time: string | undefined, now: Date): string | undefined {
  if (!time) return undefined;
  const then = Date.parse(time);
  if (Number.isNaN(then)) return undefined;
  const seconds = Math.max(0, Math.round((now.getTime() - then) / 1000));
  if (seconds < 60) return `${seconds} s ago`;
  if (seconds < 3600) return `${Math.floor(seconds / 60)} min ago`;
  if (seconds < 86400) return `${Math.floor(seconds / 3600)} h ago`;
  return `${Math.floor(seconds / 86400)} d ago`;
}
