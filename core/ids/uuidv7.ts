/**
 * UUIDv7 identifiers (RFC 9562 §5.7): a 48-bit Unix millisecond timestamp, the version 7, a
 * 12-bit counter, the variant bits 10 and 62 random bits. Because the time comes first, new ids
 * sort after old ones, which keeps database indexes compact and lets lists order by id.
 *
 * Layout:  tttttttt-tttt-7ccc-vrrr-rrrrrrrrrrrr   (t time, c counter, v variant + random, r random)
 */

const MAX_COUNTER = 0xfff;
/** Two hexadecimal digits for each byte value. */
const HEX = Array.from({ length: 256 }, (_, b) => b.toString(16).padStart(2, '0'));
/** A fresh millisecond starts the counter below this, leaving at least 2048 steps before rollover. */
const COUNTER_SEED_LIMIT = 0x800;

/** Returns a UUIDv7 generator reading time from `now`; the clock is injectable for tests. */
export function createUuidv7Generator(now: () => number = Date.now): () => string {
  let lastMs = -1;
  let counter = 0;
  // Random bytes are drawn 4 KiB at a time (one call to the system's generator per ~400 ids,
  // not one per id: a 20,000-row import makes 40,000 ids).
  const pool = new Uint8Array(4096);
  let used = pool.length;
  return () => {
    if (used + 10 > pool.length) {
      globalThis.crypto.getRandomValues(pool);
      used = 0;
    }
    const random = pool.subarray(used, used + 10);
    used += 10;
    let ms = Math.floor(now());
    if (ms > lastMs) {
      // RFC 9562 §6.2 method 1: seed the counter randomly so ids from different processes in the
      // same millisecond are unlikely to collide, but keep its top bit clear as rollover room.
      counter = (((random[8] as number) << 8) | (random[9] as number)) % COUNTER_SEED_LIMIT;
    } else {
      // Same millisecond, or the clock went back: stay on the last timestamp and count up so
      // the id still sorts after the previous one. On overflow, borrow the next millisecond.
      ms = lastMs;
      counter++;
      if (counter > MAX_COUNTER) {
        ms++;
        counter = 0;
      }
    }
    lastMs = ms;

    const time = ms.toString(16).padStart(12, '0');
    const randA = counter.toString(16).padStart(3, '0');
    random[0] = ((random[0] as number) & 0x3f) | 0x80; // variant 10
    let randB = '';
    for (let i = 0; i < 8; i++) randB += HEX[random[i] as number];
    return `${time.slice(0, 8)}-${time.slice(8)}-7${randA}-${randB.slice(0, 4)}-${randB.slice(4)}`;
  };
}

const defaultGenerator = createUuidv7Generator();

/** Returns a new UUIDv7; ids made by this process sort in the order they were made. */
export function uuidv7(): string {
  return defaultGenerator();
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** True for any UUID written 8-4-4-4-12 in hexadecimal, of any version and either case. */
export function isUuid(s: string): boolean {
  return UUID.test(s);
}
