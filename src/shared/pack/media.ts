import { z } from 'zod';

/**
 * Pack format 2, the media block: recorded sessions, their captions and chapters, slides as PDF,
 * pictures. A separate block of the manifest (one `media` list per session) so other format-2
 * additions sit beside it without touching it. Media files are stored uncompressed in the zip,
 * covered by the signed SHA256SUMS like every other file, and installed into a content-addressed
 * store keyed by that hash.
 */

const id = z.string().regex(/^[a-z0-9][a-z0-9._-]{0,63}$/, 'ids are 1-64 chars of a-z, 0-9, ".", "_", "-"');
const packPath = z.string().min(1).max(200);
const text = (max: number) => z.string().trim().min(1).max(max);

export const MEDIA_KINDS = ['video', 'audio', 'pdf', 'image'] as const;
export type MediaKind = (typeof MEDIA_KINDS)[number];

/** File types a pack may carry: extension -> kind and the MIME type both hosts serve it with. */
export const MEDIA_TYPES: Readonly<Record<string, { kind: MediaKind; mime: string }>> = Object.freeze({
  mp4: { kind: 'video', mime: 'video/mp4' },
  webm: { kind: 'video', mime: 'video/webm' },
  m4a: { kind: 'audio', mime: 'audio/mp4' },
  mp3: { kind: 'audio', mime: 'audio/mpeg' },
  opus: { kind: 'audio', mime: 'audio/ogg' },
  weba: { kind: 'audio', mime: 'audio/webm' },
  pdf: { kind: 'pdf', mime: 'application/pdf' },
  png: { kind: 'image', mime: 'image/png' },
  jpg: { kind: 'image', mime: 'image/jpeg' },
  jpeg: { kind: 'image', mime: 'image/jpeg' },
  webp: { kind: 'image', mime: 'image/webp' },
});

export const mediaExtension = (path: string): string => /\.([A-Za-z0-9]+)$/.exec(path)?.[1]?.toLowerCase() ?? '';

export const captionSchema = z.strictObject({
  /** BCP 47 language of the captions, e.g. zh-CN. */
  language: z.string().regex(/^[a-z]{2}(-[A-Z]{2})?$/),
  label: text(100).optional(),
  /** Pack path of a WebVTT file (.vtt). */
  path: packPath,
});

export const chapterSchema = z.strictObject({
  /** Seconds from the start of the recording. */
  start: z.number().min(0),
  title: text(200),
  /** Key points of the same session that this chapter covers. */
  keyPoints: z.array(id).max(100).optional(),
});

export const mediaItemSchema = z
  .strictObject({
    path: packPath,
    kind: z.enum(MEDIA_KINDS),
    title: text(200),
    /** Seconds; required for video and audio (`studypack build` probes it when the author leaves it out). */
    duration: z.number().positive().max(86_400).optional(),
    captions: z.array(captionSchema).max(20).optional(),
    chapters: z.array(chapterSchema).max(500).optional(),
  })
  .superRefine((m, ctx) => {
    const timed = m.kind === 'video' || m.kind === 'audio';
    if (timed && m.duration === undefined) {
      ctx.addIssue({ code: 'custom', path: ['duration'], message: `a ${m.kind} needs its duration in seconds` });
    }
    if (!timed) {
      for (const key of ['duration', 'captions', 'chapters'] as const) {
        if (m[key] !== undefined) ctx.addIssue({ code: 'custom', path: [key], message: `a ${m.kind} has no ${key}` });
      }
    }
    const type = MEDIA_TYPES[mediaExtension(m.path)];
    if (!type) {
      ctx.addIssue({
        code: 'custom',
        path: ['path'],
        message: `"${m.path}" is not a media type a pack may carry (${Object.keys(MEDIA_TYPES).join(', ')})`,
      });
    } else if (type.kind !== m.kind) {
      ctx.addIssue({ code: 'custom', path: ['kind'], message: `"${m.path}" is a ${type.kind}, not a ${m.kind}` });
    }
    m.chapters?.forEach((c, i) => {
      if (m.duration !== undefined && c.start >= m.duration) {
        ctx.addIssue({ code: 'custom', path: ['chapters', i, 'start'], message: 'the chapter starts after the end' });
      }
      const before = m.chapters?.[i - 1];
      if (before && before.start >= c.start) {
        ctx.addIssue({ code: 'custom', path: ['chapters', i, 'start'], message: 'chapters must be in time order' });
      }
    });
  });

/** The session fields format 2 adds (spread into the manifest's session object). */
export const sessionMediaBlock = {
  media: z.array(mediaItemSchema).max(50).optional(),
};

export type MediaItem = z.infer<typeof mediaItemSchema>;
export type Caption = z.infer<typeof captionSchema>;
