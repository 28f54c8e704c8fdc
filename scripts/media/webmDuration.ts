// Writes a Duration into a WebM file. MediaRecorder streams WebM live, so its files carry no
// duration: players then show "0:00 / –" and seek poorly. This finds Segment › Info and sets
// (or adds) Info › Duration. Pure: bytes in, bytes out.

const ID = {
  ebml: 0x1a45dfa3,
  segment: 0x18538067,
  info: 0x1549a966,
  timecodeScale: 0x2ad7b1,
  duration: 0x4489,
  cluster: 0x1f43b675,
} as const;

interface Vint {
  value: number;
  length: number;
  /** All value bits set: "size unknown" (live streams). */
  unknown: boolean;
}

function readVint(buf: Uint8Array, pos: number, keepMarker: boolean): Vint {
  const first = buf[pos];
  if (first === undefined || first === 0) throw new Error(`bad EBML number at byte ${pos}`);
  const length = Math.clz32(first) - 23;
  let value = keepMarker ? first : first & (0xff >> length);
  let allOnes = (first & (0xff >> length)) === 0xff >> length;
  for (let i = 1; i < length; i++) {
    const b = buf[pos + i];
    if (b === undefined) throw new Error(`EBML number past the end at byte ${pos}`);
    value = value * 256 + b;
    if (b !== 0xff) allOnes = false;
  }
  return { value, length, unknown: !keepMarker && allOnes };
}

/** An element size as an EBML number of exactly `length` bytes. */
function sizeBytes(value: number, length: number): Uint8Array {
  const out = new Uint8Array(length);
  let v = value;
  for (let i = length - 1; i >= 0; i--) {
    out[i] = v % 256;
    v = Math.floor(v / 256);
  }
  out[0]! |= 0x80 >> (length - 1);
  return out;
}

function readUint(buf: Uint8Array, pos: number, length: number): number {
  let v = 0;
  for (let i = 0; i < length; i++) v = v * 256 + buf[pos + i]!;
  return v;
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** Returns a copy of `webm` whose Info › Duration says `durationMs`. */
export function setWebmDuration(webm: Uint8Array, durationMs: number): Uint8Array {
  let pos = 0;
  const header = readVint(webm, pos, true);
  if (header.value !== ID.ebml) throw new Error('not a WebM file: no EBML header');
  const headerSize = readVint(webm, pos + header.length, false);
  pos += header.length + headerSize.length + headerSize.value;

  const segId = readVint(webm, pos, true);
  if (segId.value !== ID.segment) throw new Error('no Segment after the EBML header');
  const segSizeAt = pos + segId.length;
  const segSize = readVint(webm, segSizeAt, false);
  const segDataAt = segSizeAt + segSize.length;

  for (let at = segDataAt; at < webm.length; ) {
    const id = readVint(webm, at, true);
    const size = readVint(webm, at + id.length, false);
    const dataAt = at + id.length + size.length;
    if (id.value === ID.cluster) break;
    if (id.value !== ID.info) {
      if (size.unknown) break;
      at = dataAt + size.value;
      continue;
    }
    // Inside Info: note the time scale and any Duration already there.
    let scale = 1_000_000;
    let durationAt = -1;
    let durationLength = 0;
    for (let c = dataAt; c < dataAt + size.value; ) {
      const cid = readVint(webm, c, true);
      const csize = readVint(webm, c + cid.length, false);
      const cdata = c + cid.length + csize.length;
      if (cid.value === ID.timecodeScale) scale = readUint(webm, cdata, csize.value);
      if (cid.value === ID.duration) {
        durationAt = cdata;
        durationLength = csize.value;
      }
      c = cdata + csize.value;
    }
    const ticks = (durationMs * 1_000_000) / scale;
    if (durationAt >= 0 && (durationLength === 8 || durationLength === 4)) {
      const out = webm.slice();
      const view = new DataView(out.buffer, out.byteOffset, out.byteLength);
      if (durationLength === 8) view.setFloat64(durationAt, ticks);
      else view.setFloat32(durationAt, ticks);
      return out;
    }
    const duration = new Uint8Array(11);
    duration.set([0x44, 0x89, 0x88]);
    new DataView(duration.buffer).setFloat64(3, ticks);
    const infoData = webm.subarray(dataAt, dataAt + size.value);
    const newInfoSize = size.value + duration.length;
    const infoSize = sizeBytes(newInfoSize, 8);
    const before = webm.slice(0, at + id.length);
    // A Segment of known size grows by what Info grew; "unknown" (live) stays unknown.
    if (!segSize.unknown) {
      const grown = segSize.value + (infoSize.length - size.length) + duration.length;
      before.set(sizeBytes(grown, segSize.length), segSizeAt);
    }
    return concat([before, infoSize, infoData, duration, webm.subarray(dataAt + size.value)]);
  }
  throw new Error('no Segment › Info before the first Cluster');
}

/** Reads Info › Duration in milliseconds, or null when the file has none. */
export function webmDurationMs(webm: Uint8Array): number | null {
  let pos = 0;
  const header = readVint(webm, pos, true);
  const headerSize = readVint(webm, pos + header.length, false);
  pos += header.length + headerSize.length + headerSize.value;
  const segId = readVint(webm, pos, true);
  const segSize = readVint(webm, pos + segId.length, false);
  for (let at = pos + segId.length + segSize.length; at < webm.length; ) {
    const id = readVint(webm, at, true);
    const size = readVint(webm, at + id.length, false);
    const dataAt = at + id.length + size.length;
    if (id.value === ID.info) {
      let scale = 1_000_000;
      let ticks: number | null = null;
      const view = new DataView(webm.buffer, webm.byteOffset, webm.byteLength);
      for (let c = dataAt; c < dataAt + size.value; ) {
        const cid = readVint(webm, c, true);
        const csize = readVint(webm, c + cid.length, false);
        const cdata = c + cid.length + csize.length;
        if (cid.value === ID.timecodeScale) scale = readUint(webm, cdata, csize.value);
        if (cid.value === ID.duration) ticks = csize.value === 8 ? view.getFloat64(cdata) : view.getFloat32(cdata);
        c = cdata + csize.value;
      }
      return ticks === null ? null : (ticks * scale) / 1_000_000;
    }
    if (id.value === ID.cluster || size.unknown) return null;
    at = dataAt + size.value;
  }
  return null;
}
