import type { MountPart } from '../part';

/** The chat part of the customer page; the web chat work fills it in (widget/chat/). */
export const mountChat: MountPart = (section) => {
  const note = section.ownerDocument.createElement('p');
  note.textContent = 'Chat from this page is not available yet.';
  section.append(note);
  return () => note.remove();
};
