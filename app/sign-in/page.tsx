import type { Metadata } from "next";
import { Suspense } from "react";
import { SignInView } from "@/components/sign-in-view";

export const metadata: Metadata = { title: "Sign in" };

export default function SignInPage() {
  // useSearchParams (for ?next=) needs a Suspense boundary.
  return (
    <Suspense fallback={<p className="muted">Loading…</p>}>
      <SignInView />
    </Suspense>
  );
}
