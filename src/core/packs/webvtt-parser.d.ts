// webvtt-parser ships no types; the part this app uses.
declare module 'webvtt-parser' {
  export interface WebVTTError {
    message: string;
    line: number;
    col?: number;
  }
  export class WebVTTParser {
    parse(input: string, mode?: 'metadata' | 'chapters'): { cues: unknown[]; errors: WebVTTError[] };
  }
}
