// How names and CSV headers are compared: NFC, case, runs of spaces (and underscores in headers) folded.

export function foldName(s: string): string {
  return s.normalize('NFC').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** Header text as matched against a CSV header: "Mã cán bộ", "ma_can_bo " and "MÃ CÁN BỘ" are one. */
export function foldHeader(s: string): string {
  return foldName(s.replace(/_/g, ' '));
}
