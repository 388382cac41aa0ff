"use client";

import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { useState, type ReactNode } from "react";
import { ApiRequestError } from "@/lib/client/api";

/** A 4xx is the server's answer (not found, forbidden, bad input), not a hiccup: retrying only delays it. */
const retryOnce = (count: number, error: Error) => !(error instanceof ApiRequestError && error.status >= 400 && error.status < 500) && count < 1;

/** One QueryClient per browser tab (created in state so React never shares it across requests). */
export function Providers({ children }: { children: ReactNode }) {
  const [client] = useState(
    () =>
      new QueryClient({
        defaultOptions: {
          queries: { staleTime: 5_000, retry: retryOnce, refetchOnWindowFocus: true },
          mutations: { retry: 0 },
        },
      }),
  );
  return <QueryClientProvider client={client}>{children}</QueryClientProvider>;
}
