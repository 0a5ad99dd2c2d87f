/** UI languages. Kept free of zod so the renderer can import it without the schema library. */
export const languages = ['zh-CN', 'en'] as const;
export type Language = (typeof languages)[number];
export const isLanguage = (v: unknown): v is Language => (languages as readonly unknown[]).includes(v);
