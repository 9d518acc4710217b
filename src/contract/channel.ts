/** The IPC channel of the desktop shell: one, carrying `(method, args)`. Alone in its file so that the sandboxed preload bundles nothing else. */
export const INVOKE_CHANNEL = 'duban:invoke';
