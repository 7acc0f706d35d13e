/** Stops the PostgreSQL the global setup started, if it started one. */
export default async function globalTeardown(): Promise<void> {
  await (globalThis as { __NQ57_PG__?: { stop(): Promise<void> } }).__NQ57_PG__?.stop();
}
