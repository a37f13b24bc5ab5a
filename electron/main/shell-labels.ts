/**
 * The words of the menu, the tray, notifications and the quit dialog: the
 * only text the main process shows. The renderer has its own catalog; these
 * follow the same language setting (null = the operating system's language).
 */
export type ShellLanguage = 'en' | 'es';

const en = {
  file: 'File',
  newMessage: 'New message',
  bulkSend: 'Bulk send…',
  jobs: 'Bulk jobs',
  importContacts: 'Import contacts…',
  outbox: 'Outbox',
  settings: 'Settings…',
  edit: 'Edit',
  view: 'View',
  window: 'Window',
  help: 'Help',
  revealLogs: 'Reveal logs',
  open: 'Open Outpost',
  pauseAll: 'Pause all sending',
  resumeAll: 'Resume sending',
  quit: 'Quit',
  queued: (n: number) => (n === 1 ? '1 message queued' : `${n} messages queued`),
  jobFinished: (name: string) => `Bulk send "${name}" finished`,
  jobCounts: (sent: number, failed: number) => `${sent} sent, ${failed} failed.`,
  accountPaused: 'An account stopped sending',
  messagesFailed: (n: number) => (n === 1 ? 'A message failed' : `${n} messages failed`),
  messagesFailedBody: 'Open the outbox to see why and retry.',
  inbound: (from: string) => `New message from ${from}`,
  quitTitle: 'Messages are being sent',
  quitMessage: (n: number) =>
    `${n === 1 ? '1 message is' : `${n} messages are`} being sent. Quit anyway? Nothing is lost: what was already handed to the provider is checked at the next start, the rest stays queued.`,
  quitAnyway: 'Quit',
  keepSending: 'Keep sending',
};

export type ShellLabels = typeof en;

const es: ShellLabels = {
  file: 'Archivo',
  newMessage: 'Nuevo mensaje',
  bulkSend: 'Envío masivo…',
  jobs: 'Envíos masivos',
  importContacts: 'Importar contactos…',
  outbox: 'Bandeja de salida',
  settings: 'Ajustes…',
  edit: 'Edición',
  view: 'Ver',
  window: 'Ventana',
  help: 'Ayuda',
  revealLogs: 'Mostrar registros',
  open: 'Abrir Outpost',
  pauseAll: 'Pausar todos los envíos',
  resumeAll: 'Reanudar envíos',
  quit: 'Salir',
  queued: (n) => (n === 1 ? '1 mensaje en cola' : `${n} mensajes en cola`),
  jobFinished: (name) => `Envío masivo «${name}» terminado`,
  jobCounts: (sent, failed) => `${sent} enviados, ${failed} fallidos.`,
  accountPaused: 'Una cuenta ha dejado de enviar',
  messagesFailed: (n) => (n === 1 ? 'Un mensaje ha fallado' : `${n} mensajes han fallado`),
  messagesFailedBody: 'Abre la bandeja de salida para ver el motivo y reintentar.',
  inbound: (from) => `Nuevo mensaje de ${from}`,
  quitTitle: 'Se están enviando mensajes',
  quitMessage: (n) =>
    `${n === 1 ? 'Se está enviando 1 mensaje' : `Se están enviando ${n} mensajes`}. ¿Salir de todos modos? No se pierde nada: lo que ya se entregó al proveedor se comprueba al volver a abrir, el resto sigue en cola.`,
  quitAnyway: 'Salir',
  keepSending: 'Seguir enviando',
};

const catalogs: Record<ShellLanguage, ShellLabels> = { en, es };

/** The language to use: the saved choice, else the OS locale when it is Spanish, else English. */
export function shellLanguage(saved: ShellLanguage | null, osLocale: string): ShellLanguage {
  if (saved) return saved;
  return osLocale.toLowerCase().startsWith('es') ? 'es' : 'en';
}

export function shellLabels(language: ShellLanguage): ShellLabels {
  return catalogs[language];
}
