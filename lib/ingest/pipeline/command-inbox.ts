import type { ProducerCommand } from "../../schemas/worker-protocol";

type Order = Exclude<ProducerCommand, { type: "credit" }>;

/** A producer's view of the writer's commands: the one order saying what to read, and the credits. */
export class CommandInbox {
  private available = 0;
  private order: Order | null = null;
  private wake: (() => void) | null = null;

  receive(command: ProducerCommand): void {
    if (command.type === "credit") this.available += command.n;
    else this.order ??= command;
    const w = this.wake;
    this.wake = null;
    w?.();
  }

  async nextOrder(): Promise<Order> {
    while (this.order === null) await this.sleep();
    return this.order;
  }

  /** Takes one credit, waiting for the writer to grant it. */
  async credit(): Promise<void> {
    while (this.available === 0) await this.sleep();
    this.available--;
  }

  private sleep(): Promise<void> {
    return new Promise<void>((resolve) => (this.wake = resolve));
  }
}
