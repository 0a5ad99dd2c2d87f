type Child = Node | string | null | false | undefined;

/**
 * A DOM element from a tag, attributes and children: the first paint runs before React has
 * loaded, so it builds its few elements itself. Text goes in as text nodes, never as markup.
 */
export function h(tag: string, attrs: Record<string, string | undefined>, ...children: Child[]): HTMLElement {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) if (value !== undefined) el.setAttribute(name, value);
  for (const child of children) if (child) el.append(child);
  return el;
}
