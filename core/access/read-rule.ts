/**
 * The read rule of DESIGN.md "Security labels and access", as a pure function. The SQL filter in
 * server/access/visibility.ts implements the same rule; property tests hold the two together.
 *
 * A signed-in user reads a record when all three hold:
 *  1. clearance — the record's level is at or below the user's clearance in the record's marking
 *     policy (records without a marking are PUBLIC, readable by everyone);
 *  2. releasability — the record is releasable to the public or to the user's nation, or the user
 *     works in the originating organisation;
 *  3. need-to-know — the record is public, or has no originating organisation, or the user works
 *     in the originating organisation, or holds an explicit grant on the record (or on a record
 *     that covers it: a grant on a plan covers the plan's items).
 * Anonymous visitors read only PUBLIC records releasable to the public.
 */

/**
 * Highest rank the reader is cleared for, per marking policy code (policies and their levels are
 * data: the marking tables). A policy missing from the map is read at rank 0 only.
 */
export type Clearances = Readonly<Record<string, number>>;

export interface Reader {
  nation: string;
  clearances: Clearances;
  organisationIds: readonly string[];
  /** Ids of records the reader holds an explicit, unexpired grant on. */
  grantedIds: ReadonlySet<string>;
}

export interface LabelledRecord {
  id: string;
  policy: string;
  rank: number;
  releasableTo: readonly string[];
  originatorId: string | null;
  /**
   * Records whose grant also covers this one: a plan item is covered by a grant on its plan, so a
   * coordinator can open a whole plan to a reader without granting item by item.
   */
  grantedThrough?: readonly string[];
}

function clearedFor(reader: Reader, record: LabelledRecord): boolean {
  if (record.rank === 0) return true;
  const cleared = Object.hasOwn(reader.clearances, record.policy)
    ? reader.clearances[record.policy]
    : undefined;
  return cleared !== undefined && record.rank <= cleared;
}

/** May this reader (null: anonymous) read this record? */
export function mayRead(reader: Reader | null, record: LabelledRecord): boolean {
  const isPublic = record.rank === 0 && record.releasableTo.includes('PUBLIC');
  if (!reader) return isPublic;
  if (!clearedFor(reader, record)) return false;
  const inOriginator =
    record.originatorId !== null && reader.organisationIds.includes(record.originatorId);
  const releasable =
    record.releasableTo.includes('PUBLIC') ||
    record.releasableTo.includes(reader.nation) ||
    inOriginator;
  if (!releasable) return false;
  return (
    record.releasableTo.includes('PUBLIC') ||
    record.originatorId === null ||
    inOriginator ||
    reader.grantedIds.has(record.id) ||
    (record.grantedThrough ?? []).some((id) => reader.grantedIds.has(id))
  );
}

/**
 * The read rule with containers: a record is readable only if the reader may read it and every
 * record that contains it — for a plan item its plan and every item above it; for a comment,
 * indicator, measurement or report its item and that item's containers. Pass the containers
 * outermost first or in any order; deleted containers are left out of reach by the caller (a
 * deleted container hides what it holds).
 */
export function mayReadWithin(
  reader: Reader | null,
  record: LabelledRecord,
  containers: readonly LabelledRecord[],
): boolean {
  return mayRead(reader, record) && containers.every((c) => mayRead(reader, c));
}
