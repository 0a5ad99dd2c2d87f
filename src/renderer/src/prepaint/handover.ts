/**
 * Whether React has been asked to render: from then on React owns #root (its first commit
 * replaces whatever the first paint put there), so a late first paint must not touch it.
 */
let reactOwnsRoot = false;

export const handRootToReact = () => {
  reactOwnsRoot = true;
};

export const reactHasRoot = () => reactOwnsRoot;
