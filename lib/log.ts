import pino from "pino";

/** Structured JSON logs on stderr, so CLI stdout stays machine-readable. */
export const log = pino({ level: process.env.LOG_LEVEL ?? "info", base: { pid: process.pid } }, pino.destination({ dest: 2, sync: false }));
