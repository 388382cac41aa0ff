import type { ProducerCommand } from "../../schemas/worker-protocol";

type Order = Exclude<ProducerCommand, { type: "credit" }>;

/** A producer's view of the writer's commands: orders saying what to read, in turn, and credits. */
export class CommandInbox {
  private available = 0;
  private readonly orders: Order[] = [];
  private wake: (() => void) | null = null;

  receive(command: ProducerCommand): void {
    if (command.type === "credit") this.available += command.n;
    else this.orders.push(command);
    const w = this.wake;
    this.wake = null;
    w?.();
  }

  async nextOrder(): Promise<Order> {
    for (;;) {
      const order = this.orders.shift();
      if (order) return order;
      await this.sleep();
    }
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
