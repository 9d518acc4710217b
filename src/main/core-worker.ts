// The core's worker thread, built beside the main process (see src/host/worker.ts).
import '../host/worker';
