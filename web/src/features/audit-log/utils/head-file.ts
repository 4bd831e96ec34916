/** The audit log's head as a small JSON file kept elsewhere, and read back to detect truncation. */

export interface AuditHead {
  seq: number;
  hash: string;
  occurredAt: string | null;
}

export const HASH_PATTERN = /^[0-9a-f]{64}$/;

export function headFileName(head: Pick<AuditHead, 'seq'>): string {
  return `liaison-audit-head-${head.seq}.json`;
}

/** The file's content: the head plus when it was exported. */
export function headFileContent(head: AuditHead, exportedAt = new Date()): string {
  return `${JSON.stringify(
    {
      seq: head.seq,
      hash: head.hash,
      occurredAt: head.occurredAt,
      exportedAt: exportedAt.toISOString(),
    },
    null,
    2,
  )}\n`;
}

/** Reads a saved head back; null when the text is not one. */
export function parseHeadFile(text: string): { seq: number; hash: string } | null {
  try {
    const value = JSON.parse(text) as { seq?: unknown; hash?: unknown };
    const seq = Number(value.seq);
    const hash = typeof value.hash === 'string' ? value.hash.trim().toLowerCase() : '';
    if (!Number.isInteger(seq) || seq < 1 || !HASH_PATTERN.test(hash)) return null;
    return { seq, hash };
  } catch {
    return null;
  }
}
