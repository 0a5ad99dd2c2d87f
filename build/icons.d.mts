/** Types for build/icons.mjs (used by tests/unit/hardening/builder-config.test.ts). */
export declare function crc32(buf: Uint8Array): number;
export declare function encodePng(width: number, height: number, rgba: Uint8Array): Buffer;
export declare function renderIcon(size: number): Buffer;
export declare function encodeIco(pngs: { size: number; png: Buffer }[]): Buffer;
export declare function encodeIcns(entries: { type: string; png: Buffer }[]): Buffer;
export declare const PNG_SIZES: number[];
