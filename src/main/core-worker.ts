// The core's worker thread, built beside the main process (see src/core/host/worker.ts).
import '../core/host/worker';
