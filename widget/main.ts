import { mountCall } from './call/mountCall';
import { mountChat } from './chat/mountChat';
import { readWidgetConfig } from './config';
import './widget.css';

// The customer's page: a call button and a web chat, each in its own section, both talking to the
// Seat server that serves this page.
function start() {
  const error = document.querySelector<HTMLElement>('[data-testid=widget-error]');
  try {
    const config = readWidgetConfig(window.location);
    const call = document.getElementById('widget-call');
    const chat = document.getElementById('widget-chat');
    if (call) mountCall(call, config);
    if (chat) mountChat(chat, config);
  } catch (failure) {
    if (!error) throw failure;
    error.textContent = failure instanceof Error ? failure.message : String(failure);
    error.hidden = false;
  }
}

start();
