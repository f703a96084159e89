import type { MountPart } from '../part';

/** The call part of the customer page; the voice work fills it in (widget/call/). */
export const mountCall: MountPart = (section) => {
  const note = section.ownerDocument.createElement('p');
  note.textContent = 'Calling from this page is not available yet.';
  section.append(note);
  return () => note.remove();
};
