import { useCall } from './useCall';

/**
 * The language a pack's content is written in, for `lang` on every block of pack text: screen
 * readers, fonts (CJK vs Latin quotes) and hyphenation follow it, not the UI language.
 */
export function usePackLanguage(packId?: string): string | undefined {
  const { data } = useCall('library.list', {});
  const id = packId ?? data?.activePackId;
  return data?.packs.find((p) => p.id === id)?.language;
}
