// Identifies an upload from its bytes alone (file-type for binary formats, a strict check for
// WebVTT text), and names what a refused file really is, so the exhibitor sees "this is an
// HTML page" rather than a bare "unsupported".
import fs from 'node:fs/promises';
import { fileTypeFromFile } from 'file-type';
import { type AllowedType, typeByExt } from './kinds.ts';

export type Sniffed = { ok: true; type: AllowedType } | { ok: false; actual: string };

/**
 * file-type names some MP4 flavours differently (they play as MP4 everywhere). It also spots
 * "WEBVTT" itself; the receiver then checks the whole text.
 */
const SNIFFED_ALIASES: Record<string, string> = { jpg: 'jpg', png: 'png', webp: 'webp', gif: 'gif', mp4: 'mp4', m4v: 'mp4', webm: 'webm', pdf: 'pdf', vtt: 'vtt' };

const HEAD_BYTES = 64 * 1024;

async function readHead(file: string): Promise<Buffer> {
  const handle = await fs.open(file, 'r');
  try {
    const buf = Buffer.alloc(HEAD_BYTES);
    const { bytesRead } = await handle.read(buf, 0, HEAD_BYTES, 0);
    return buf.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/** "WEBVTT" at the very start (after an optional BOM), then a space, tab, line break or the end. */
export function looksLikeVtt(head: Buffer): boolean {
  const start = head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf ? 3 : 0;
  if (head.subarray(start, start + 6).toString('latin1') !== 'WEBVTT') return false;
  const next = head[start + 6];
  return next === undefined || next === 0x20 || next === 0x09 || next === 0x0a || next === 0x0d;
}

/** Captions are shown as text: valid UTF-8, no NUL bytes. */
export function isCleanUtf8(bytes: Buffer): boolean {
  if (bytes.includes(0)) return false;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** Script-bearing text formats get a name of their own; other text is just "text". */
function describeText(head: Buffer): string {
  const text = head.toString('utf8').slice(0, 4096).toLowerCase();
  if (/<svg[\s>]/.test(text)) return 'an SVG image (SVG can carry scripts)';
  if (/<!doctype html|<html[\s>]|<head[\s>]|<body[\s>]|<script[\s>]|<iframe[\s>]/.test(text)) return 'an HTML page';
  if (text.trimStart().startsWith('<?xml')) return 'an XML document';
  return isCleanUtf8(head) ? 'plain text' : 'data of an unknown type';
}

export async function sniffFile(file: string): Promise<Sniffed> {
  const found = await fileTypeFromFile(file);
  if (found) {
    const alias = SNIFFED_ALIASES[found.ext];
    const type = alias ? typeByExt(alias) : undefined;
    if (type) return { ok: true, type };
    if (found.ext === 'xml') return { ok: false, actual: describeText(await readHead(file)) };
    return { ok: false, actual: `a file of type ${found.ext.toUpperCase()} (${found.mime})` };
  }
  const head = await readHead(file);
  if (looksLikeVtt(head)) {
    const vtt = typeByExt('vtt');
    if (vtt) return { ok: true, type: vtt };
  }
  return { ok: false, actual: describeText(head) };
}
